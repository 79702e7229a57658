import { Children, isValidElement, type ReactElement, type ReactNode } from 'react'
import { CodeBlock, type CodeBlockProps } from './code-block'
import { CodeTabsClient } from './code-tabs-client'
import { languageLabel } from './language-label'

interface CodeTabsProps {
  /** Tab sets of one group share the reader's choice of language; sets without a group share one. */
  group?: string
  children: ReactNode
}

/**
 * Several fences shown as tabs (Go / Python …). Without JavaScript every block shows, one
 * after another, each under its label; with it, one tab shows and the choice is remembered.
 */
export function CodeTabs({ group = 'language', children }: CodeTabsProps) {
  const blocks = Children.toArray(children).filter(
    (child): child is ReactElement<CodeBlockProps> =>
      isValidElement(child) && child.type === CodeBlock,
  )
  if (blocks.length === 0) {
    throw new Error('<CodeTabs> must contain fenced code blocks (```go … ```), one per tab.')
  }
  const labels = blocks.map((block) => block.props.title ?? languageLabel(block.props.language))
  const languages = blocks.map((block) => block.props.language)
  return (
    <CodeTabsClient group={group} labels={labels} languages={languages}>
      {blocks}
    </CodeTabsClient>
  )
}

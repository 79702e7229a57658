import type { Blockquote, Paragraph, Root } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'

/** GitHub's alert kinds and the callout each becomes. */
const ALERTS: Record<string, { type: string; title?: string }> = {
  NOTE: { type: 'note' },
  TIP: { type: 'tip' },
  IMPORTANT: { type: 'note', title: '重要' },
  WARNING: { type: 'warning' },
  CAUTION: { type: 'danger' },
}

const MARKER = /^\[!(NOTE|TIP|IMPORTANT|WARNING|CAUTION)\][ \t]*(?:\n|$)/i

/**
 * GitHub-style alerts (`> [!NOTE]` as the first line of a quote) become `<Callout>`, so notes
 * written for GitHub keep their meaning here.
 */
export default function remarkAlerts() {
  return (tree: Root) => {
    visit(tree, 'blockquote', (node: Blockquote, index, parent) => {
      const first = node.children[0]
      const text =
        first?.type === 'paragraph' && first.children[0]?.type === 'text'
          ? first.children[0]
          : undefined
      const match = text ? MARKER.exec(text.value) : null
      if (!match || !parent || index === undefined || !text) return
      const alert = ALERTS[match[1]!.toUpperCase()]!
      text.value = text.value.slice(match[0].length)
      const paragraph = first as Paragraph
      if (text.value === '') paragraph.children.shift()
      if (paragraph.children.length === 0) node.children.shift()
      const callout: MdxJsxFlowElement = {
        type: 'mdxJsxFlowElement',
        name: 'Callout',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'type', value: alert.type },
          ...(alert.title
            ? [{ type: 'mdxJsxAttribute' as const, name: 'title', value: alert.title }]
            : []),
        ],
        children: node.children,
        position: node.position,
      }
      parent.children[index] = callout
    })
  }
}

import { CopyButton } from './copy-button'
import { languageLabel } from './language-label'

export interface CodeBlockProps {
  /** The fence's language, e.g. `go`. Set by the pipeline. */
  language: string
  /** The `title="…"` of the fence, usually a file name. */
  title?: string
  /** The highlighted `<pre>` as HTML, from the pipeline (build time, our own markup). */
  html: string
  /** Where the whole program file is published, when the block shows it or a region of it. */
  source?: string
}

/** A highlighted code block with a title bar and a copy button. Built by rehype-code from fences. */
export function CodeBlock({ language, title, html, source }: CodeBlockProps) {
  return (
    <figure className="code-block not-prose" data-language={language}>
      <figcaption className="code-block-bar">
        <span className="truncate font-mono">{title ?? languageLabel(language)}</span>
        {title && (
          <span className="text-[var(--muted-fg)]" aria-hidden="true">
            {languageLabel(language)}
          </span>
        )}
        {source && (
          <a className="code-block-source" href={source} aria-label={`完整代码：${title}`}>
            完整代码
          </a>
        )}
        <CopyButton />
      </figcaption>
      <div className="code-block-body" dangerouslySetInnerHTML={{ __html: html }} />
    </figure>
  )
}

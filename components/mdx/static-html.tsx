/**
 * Markup the pipeline rendered at build time (a KaTeX formula), placed as it is. Internal: the
 * pipeline writes it, authors never do.
 */
export function StaticHtml({ html, block }: { html: string; block?: boolean }) {
  return block ? (
    <div className="static-html" dangerouslySetInnerHTML={{ __html: html }} />
  ) : (
    <span className="static-html" dangerouslySetInnerHTML={{ __html: html }} />
  )
}

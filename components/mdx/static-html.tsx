import { createElement } from 'react'

interface StaticHtmlProps {
  /** The element's tag name. */
  tag: string
  /** Its contents, as HTML the pipeline wrote at build time from the lecture's own source. */
  html: string
  /** Its attributes as React props, in JSON. */
  props?: string
}

/**
 * An element of a lecture whose contents are fixed at build time, placed with its contents as
 * one HTML string (see lib/mdx/rehype-static-html.ts). Internal: the pipeline writes it,
 * authors never do.
 */
export function StaticHtml({ tag, html, props }: StaticHtmlProps) {
  const attributes = props ? (JSON.parse(props) as Record<string, unknown>) : {}
  return createElement(tag, { ...attributes, dangerouslySetInnerHTML: { __html: html } })
}

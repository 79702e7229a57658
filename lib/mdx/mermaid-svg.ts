import { renderMermaidSVG } from 'beautiful-mermaid'
import { fitDiagramSvg } from './diagram-fit.ts'

/** Diagram types the build-time renderer draws; others are drawn by mermaid in the browser. */
const BUILD_TIME_TYPES =
  /^(?:graph|flowchart|sequenceDiagram|stateDiagram(?:-v2)?|classDiagram|erDiagram)\b/

/** The first line that is not a comment or an `%%{init}%%` directive names the diagram type. */
export function diagramType(chart: string): string {
  const line = chart
    .split('\n')
    .map((text) => text.trim())
    .find((text) => text !== '' && !text.startsWith('%%'))
  return line?.split(/\s+/)[0] ?? ''
}

/**
 * Renders a diagram to SVG at build time, or returns undefined when the type is not one the
 * build-time renderer supports (or it cannot parse it): the browser then draws it with mermaid.
 * The renderer's own <style> is removed (it would load a web font from Google and restyle every
 * SVG on the page; app/globals.css carries the same rules, scoped), and ids are made unique
 * per diagram so several diagrams can share a page.
 */
export function renderDiagramSvg(chart: string, idPrefix: string): string | undefined {
  if (!BUILD_TIME_TYPES.test(diagramType(chart))) return undefined
  let svg: string
  try {
    svg = renderMermaidSVG(chart, {
      bg: 'var(--diagram-bg)',
      fg: 'var(--diagram-fg)',
      transparent: true,
    })
  } catch {
    return undefined
  }
  const ids = [...svg.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1]!)
  svg = svg.replace(/<style>[\s\S]*?<\/style>/g, '')
  for (const id of new Set(ids)) {
    svg = svg
      .replaceAll(`id="${id}"`, `id="${idPrefix}-${id}"`)
      .replaceAll(`url(#${id})`, `url(#${idPrefix}-${id})`)
  }
  return fitDiagramSvg(svg)
}

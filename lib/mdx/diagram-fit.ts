/**
 * Sizing of a diagram's SVG for reading on any screen. A diagram shrinks with the column only
 * as far as its smallest text stays legible (MIN_DIAGRAM_TEXT_PX); past that it keeps that
 * width and its frame scrolls sideways. It never grows past its natural size. The viewBox is
 * widened to take in labels the layout let run past its edges (long sequence-diagram messages
 * between close participants), which the SVG would otherwise clip.
 */

/** The smallest diagram text a reader is shown, in CSS pixels. */
export const MIN_DIAGRAM_TEXT_PX = 11

/** Estimated advance of one character, in em: CJK and full-width forms are square. */
function charWidth(char: string): number {
  const code = char.codePointAt(0) ?? 0
  if (
    (code >= 0x2e80 && code <= 0x9fff) ||
    (code >= 0xac00 && code <= 0xd7af) ||
    (code >= 0xf900 && code <= 0xfaff) ||
    (code >= 0xff00 && code <= 0xffef) ||
    code >= 0x20000
  )
    return 1
  return 0.6
}

function decodeEntities(text: string): string {
  return text
    .replace(/&lt;/g, '<')
    .replace(/&gt;/g, '>')
    .replace(/&quot;/g, '"')
    .replace(/&#39;/g, "'")
    .replace(/&amp;/g, '&')
}

/** An estimate on the wide side of a text's width, in the SVG's units. */
export function estimateTextWidth(text: string, fontSize: number): number {
  let ems = 0
  for (const char of decodeEntities(text)) ems += charWidth(char)
  return ems * fontSize
}

function attribute(tag: string, name: string): string | undefined {
  return new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1]
}

interface TextBox {
  left: number
  right: number
  fontSize: number
}

/** The horizontal extent of every <text> element, from its x, anchor, size and content. */
export function textBoxes(svg: string): TextBox[] {
  const boxes: TextBox[] = []
  for (const match of svg.matchAll(/<text\b([^>]*)>([\s\S]*?)<\/text>/g)) {
    const tag = match[1]!
    const x = Number(attribute(tag, 'x'))
    const fontSize = Number(attribute(tag, 'font-size') ?? 16)
    if (!Number.isFinite(x) || !Number.isFinite(fontSize)) continue
    // Lines are <tspan x=…>; other tspans only colour a run of the same line.
    const lines = match[2]!.split(/<tspan\b[^>]*\sx="[^"]*"[^>]*>/)
    const width = Math.max(
      ...lines.map((line) => estimateTextWidth(line.replace(/<[^>]*>/g, ''), fontSize)),
    )
    const anchor = attribute(tag, 'text-anchor') ?? 'start'
    const left = anchor === 'middle' ? x - width / 2 : anchor === 'end' ? x - width : x
    boxes.push({ left, right: left + width, fontSize })
  }
  return boxes
}

/**
 * Rewrites the opening <svg> tag: a viewBox wide enough for every label, no fixed size, and a
 * style that lets it shrink to the column down to MIN_DIAGRAM_TEXT_PX for its smallest text.
 * An SVG without a viewBox is returned unchanged. `uniformFontSize` is for SVGs whose text is
 * positioned by transforms (mermaid's own): no widening, and that size taken as the smallest.
 */
export function fitDiagramSvg(svg: string, uniformFontSize?: number): string {
  const open = /^<svg\b[^>]*>/.exec(svg)
  const viewBox =
    open &&
    attribute(open[0], 'viewBox')
      ?.trim()
      .split(/[\s,]+/)
      .map(Number)
  if (!open || !viewBox || viewBox.length !== 4 || viewBox.some((n) => !Number.isFinite(n)))
    return svg
  const [x0, y, width0, height] = viewBox as [number, number, number, number]
  const boxes = uniformFontSize === undefined ? textBoxes(svg) : []
  const margin = 4
  const x = Math.min(x0, ...boxes.map((box) => box.left - margin))
  const width = Math.max(x0 + width0, ...boxes.map((box) => box.right + margin)) - x
  const smallest = uniformFontSize ?? Math.min(...boxes.map((box) => box.fontSize))
  const minWidth = Math.min(width, (width * MIN_DIAGRAM_TEXT_PX) / smallest)
  const round = (n: number) => Math.round(n * 100) / 100
  const style = attribute(open[0], 'style') ?? ''
  const tag = open[0]
    .replace(/\s(?:width|height|viewBox|style)="[^"]*"/g, '')
    .replace(
      /^<svg/,
      `<svg viewBox="${round(x)} ${round(y)} ${round(width)} ${round(height)}" style="width:100%;min-width:${round(minWidth)}px;max-width:${round(width)}px;${style.replace(/(?:^|;)\s*(?:max-|min-)?width:[^;]*/g, '').replace(/^;/, '')}"`,
    )
  return tag + svg.slice(open[0].length)
}

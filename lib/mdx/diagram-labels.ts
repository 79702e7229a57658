import { estimateTextWidth } from './diagram-fit.ts'

/**
 * Corrections to where the build-time renderer puts a few labels, which it places by its own
 * estimate of their size and which a reader then saw overlapping or spilling out of their box.
 */
export function placeLabels(svg: string): string {
  return liftDividerLabels(widenGroupsToTitles(svg))
}

/**
 * The build-time renderer sizes a flowchart's subgraph by the nodes inside it, never by its
 * title, so a long title ran past the group's right edge ("本地磁盘：中间文件" over three short
 * file names). Each group whose title would not fit is widened to the right until it does, with
 * the same space on the right of the title as on its left.
 */
export function widenGroupsToTitles(svg: string): string {
  return svg.replace(/<g class="subgraph"[^>]*>[\s\S]*?<\/g>/g, (group) => {
    const [frame, header] = [...group.matchAll(/<rect\b[^>]*>/g)].map((match) => match[0])
    const title = /<text\b([^>]*)>([\s\S]*?)<\/text>/.exec(group)
    if (!frame || !header || !title) return group
    const x = number(frame, 'x')
    const width = number(frame, 'width')
    const titleX = number(title[1]!, 'x')
    const size = number(title[1]!, 'font-size')
    const text = title[2]!.replace(/<[^>]*>/g, '')
    const needed = 2 * (titleX - x) + estimateTextWidth(text, size)
    if (!(needed > width)) return group
    const widen = (rect: string) => rect.replace(/\swidth="[^"]*"/, ` width="${needed}"`)
    return group.replace(frame, widen(frame)).replace(header, widen(header))
  })
}

function number(tag: string, name: string): number {
  return Number(new RegExp(`\\s${name}="([^"]*)"`).exec(tag)?.[1])
}

/** How far below its dashed line the renderer writes an else/and label, and where it fits. */
const DIVIDER_LABEL_OFFSET = 14
const LIFTED_OFFSET = 10

/**
 * A sequence diagram's `else` label sat so low that it touched the label of the message under it
 * (lecture 1's three cases of a lost request): it is moved up, nearer its own dashed line.
 */
export function liftDividerLabels(svg: string): string {
  return svg.replace(
    /(<line\b[^>]*\sy1="([^"]*)"[^>]*stroke-dasharray="6 4"[^>]*\/>\s*<text\b[^>]*?\sy=")([^"]*)"/g,
    (whole, head: string, lineY: string, textY: string) =>
      Number(textY) === Number(lineY) + DIVIDER_LABEL_OFFSET
        ? `${head}${Number(lineY) + LIFTED_OFFSET}"`
        : whole,
  )
}

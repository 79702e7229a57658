/**
 * The narrow-screen layout of a wide flowchart: an author writes ```mermaid narrow="TB"``` (or
 * `<Mermaid narrow="TB">`) on a left-to-right flowchart, the build draws it a second time top to
 * bottom, and phones are shown that one (app/components.css). Pure: the source in, the source
 * of the narrow layout (or what is wrong) out.
 */

/** The layouts an author may ask for on narrow screens. */
export const NARROW_LAYOUTS = ['TB'] as const
export type NarrowLayout = (typeof NARROW_LAYOUTS)[number]

/** A flowchart's header line: `flowchart LR`, `graph RL;` … (comments and directives skipped). */
const HEADER = /^(\s*)(flowchart|graph)([ \t]+)(LR|RL|TB|TD|BT)\b/m

export type NarrowResult = { ok: true; chart: string } | { ok: false; message: string }

/** The chart with its top-level direction turned to `layout`; nested `direction` lines stay. */
export function narrowChart(chart: string, layout: NarrowLayout): NarrowResult {
  const header = firstStatement(chart)
  const match = header === undefined ? null : HEADER.exec(header)
  if (!match)
    return {
      ok: false,
      message: `narrow="${layout}" applies to flowcharts only, and this diagram starts with "${header?.trim() ?? ''}"`,
    }
  const direction = match[4]!
  if (direction !== 'LR' && direction !== 'RL')
    return {
      ok: false,
      message: `narrow="${layout}" re-lays out a left-to-right flowchart, and this one is already "${match[2]} ${direction}"`,
    }
  return { ok: true, chart: chart.replace(header!, header!.replace(HEADER, `$1$2$3${layout}`)) }
}

function firstStatement(chart: string): string | undefined {
  return chart.split('\n').find((line) => line.trim() !== '' && !line.trim().startsWith('%%'))
}

export type NarrowMeta =
  { ok: true; layout: NarrowLayout | undefined } | { ok: false; message: string }

/** Reads the fence's meta string (`narrow="TB"`); anything else on a mermaid fence is a mistake. */
export function parseMermaidMeta(meta: string | null | undefined): NarrowMeta {
  const text = meta?.trim() ?? ''
  if (text === '') return { ok: true, layout: undefined }
  const match = /^narrow=(?:"([^"]*)"|'([^']*)'|(\S+))$/.exec(text)
  if (!match) return { ok: false, message: `unknown option "${text}" on a mermaid fence` }
  return narrowLayout(match[1] ?? match[2] ?? match[3]!)
}

/** Checks a `narrow` value, from a fence or from the component's prop. */
export function narrowLayout(value: string): NarrowMeta {
  return (NARROW_LAYOUTS as readonly string[]).includes(value)
    ? { ok: true, layout: value as NarrowLayout }
    : { ok: false, message: `narrow="${value}" is not a layout` }
}

export const NARROW_HINT =
  'A mermaid fence takes one option, narrow="TB", on a `flowchart LR` (or RL): phones are shown the diagram laid out top to bottom. Example: ```mermaid narrow="TB"'

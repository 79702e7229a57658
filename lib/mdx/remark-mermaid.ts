import type { Root } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { isJsxElement, stringAttribute } from '../content/analyze.ts'
import { literalValue } from './remark-check-mdx.ts'
import { renderDiagramSvg } from './mermaid-svg.ts'
import { NARROW_HINT, narrowChart, narrowLayout, parseMermaidMeta } from './mermaid-narrow.ts'
import type { NarrowMeta } from './mermaid-narrow.ts'
import { problemAt, recordProblems } from './problems.ts'
import type { ContentProblem } from '../content/errors.ts'

export interface Options {
  /** Draw diagrams at build time; off when the pipeline only checks content. @defaultValue true */
  render?: boolean
}

/** The `chart` prop, written as a string or as a template literal. */
function chartOf(node: MdxJsxFlowElement): string | undefined {
  const attribute = node.attributes.find(
    (candidate): candidate is MdxJsxAttribute =>
      candidate.type === 'mdxJsxAttribute' && candidate.name === 'chart',
  )
  if (typeof attribute?.value === 'string') return attribute.value
  const program = attribute?.value?.data?.estree
  const statement = program?.body[0]
  const evaluated =
    statement?.type === 'ExpressionStatement' ? literalValue(statement.expression) : undefined
  return evaluated?.ok && typeof evaluated.value === 'string' ? evaluated.value : undefined
}

/**
 * Turns ```mermaid fences into `<Mermaid>` and draws every diagram it can at build time, so
 * most pages show their diagrams with no JavaScript at all. The SVG travels as the `svg` prop;
 * a flowchart whose author allows a narrow layout (`narrow="TB"`) is drawn a second time top to
 * bottom, as the `narrowSvg` prop.
 */
export default function remarkMermaid(options: Options = {}) {
  const render = options.render ?? true
  return (tree: Root, file: VFile) => {
    const problems: ContentProblem[] = []
    let count = 0
    const prefix = `mermaid-${(file.stem ?? 'page').replace(/[^a-z0-9-]/gi, '')}`
    visit(tree, (node, index, parent) => {
      let element: MdxJsxFlowElement | undefined
      let narrow: NarrowMeta = { ok: true, layout: undefined }
      if (node.type === 'code' && node.lang === 'mermaid' && parent && index !== undefined) {
        narrow = parseMermaidMeta(node.meta)
        element = {
          type: 'mdxJsxFlowElement',
          name: 'Mermaid',
          attributes: [{ type: 'mdxJsxAttribute', name: 'chart', value: node.value }],
          children: [],
          position: node.position,
        }
        parent.children[index] = element
      } else if (
        isJsxElement(node) &&
        node.name === 'Mermaid' &&
        node.type === 'mdxJsxFlowElement'
      ) {
        element = node
        // A bad value is the prop check's to report (remark-check-mdx); a good one is used here.
        const layout = narrowLayout(stringAttribute(node, 'narrow') ?? '')
        if (layout.ok) narrow = layout
      }
      if (!element) return
      count++
      const chart = chartOf(element)
      if (chart === undefined) return
      if (!stringAttribute(element, 'chart')) {
        element.attributes = element.attributes.filter(
          (attribute) => attribute.type !== 'mdxJsxAttribute' || attribute.name !== 'chart',
        )
        element.attributes.push({ type: 'mdxJsxAttribute', name: 'chart', value: chart })
      }
      const declaredBroken = element.attributes.some(
        (attribute) => attribute.type === 'mdxJsxAttribute' && attribute.name === 'broken',
      )
      const svg =
        render && !declaredBroken ? renderDiagramSvg(chart, `${prefix}-${count}`) : undefined
      if (svg) element.attributes.push({ type: 'mdxJsxAttribute', name: 'svg', value: svg })
      if (!narrow.ok) {
        problems.push(problemAt(file.path, element, narrow.message, NARROW_HINT))
        return
      }
      if (!narrow.layout) return
      const narrowed = narrowChart(chart, narrow.layout)
      if (!narrowed.ok) {
        problems.push(problemAt(file.path, element, narrowed.message, NARROW_HINT))
        return
      }
      const narrowSvg = svg && renderDiagramSvg(narrowed.chart, `${prefix}-${count}-narrow`)
      if (narrowSvg)
        element.attributes.push({ type: 'mdxJsxAttribute', name: 'narrowSvg', value: narrowSvg })
    })
    recordProblems(file, problems)
  }
}

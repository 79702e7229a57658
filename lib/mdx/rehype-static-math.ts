import type { Element, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { MdxJsxFlowElementHast, MdxJsxTextElementHast } from 'mdast-util-mdx-jsx'
import { SKIP, visit } from 'unist-util-visit'

const hasClass = (node: Element, name: string) =>
  Array.isArray(node.properties.className) && node.properties.className.includes(name)

/**
 * KaTeX's output is deeply nested markup that never changes in the browser. Each formula is
 * handed to the page as one HTML string (`<StaticHtml>`), which keeps the page's RSC payload
 * (Next.js sends the rendered tree a second time, for hydration) about half as large as a
 * tree of React elements for the same markup.
 */
export default function rehypeStaticMath() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (!parent || index === undefined) return undefined
      const display = hasClass(node, 'katex-display')
      if (!display && !hasClass(node, 'katex')) return undefined
      const replacement: MdxJsxFlowElementHast | MdxJsxTextElementHast = {
        type: display ? 'mdxJsxFlowElement' : 'mdxJsxTextElement',
        name: 'StaticHtml',
        attributes: [
          { type: 'mdxJsxAttribute', name: 'html', value: toHtml(node) },
          ...(display ? [{ type: 'mdxJsxAttribute' as const, name: 'block', value: null }] : []),
        ],
        children: [],
      }
      ;(parent.children as unknown[])[index] = replacement
      return [SKIP, index + 1]
    })
  }
}

import type { Element, Root } from 'hast'
import { SKIP, visit } from 'unist-util-visit'

/**
 * Markdown tables scroll sideways inside their own box on narrow screens; a scrolling box must
 * be reachable by keyboard and named, so the box takes focus and is a labelled region.
 */
export default function rehypeTableScroll() {
  return (tree: Root) => {
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'table' || !parent || index === undefined) return undefined
      const box: Element = {
        type: 'element',
        tagName: 'div',
        properties: { className: ['table-scroll'], tabIndex: 0, role: 'region', ariaLabel: '表格' },
        children: [node],
      }
      parent.children[index] = box
      return [SKIP, index + 1]
    })
  }
}

import type { Root } from 'mdast'
import { visit } from 'unist-util-visit'

const STYLESHEET = 'katex/dist/katex.min.css'

/**
 * Pages with math import KaTeX's stylesheet (and, through it, its fonts) from the site's own
 * bundle; pages without math carry none of it. The stylesheet is the one of the KaTeX that
 * rehype-katex renders with (package.json pins them to the same version).
 */
export default function remarkMathStyles() {
  return (tree: Root) => {
    let hasMath = false
    visit(tree, (node) => {
      if (node.type === 'math' || node.type === 'inlineMath') {
        hasMath = true
        return false
      }
      return undefined
    })
    if (!hasMath) return
    tree.children.unshift({
      type: 'mdxjsEsm',
      value: `import '${STYLESHEET}'`,
      data: {
        estree: {
          type: 'Program',
          sourceType: 'module',
          body: [{ type: 'ImportDeclaration', specifiers: [], source: { type: 'Literal', value: STYLESHEET, raw: `'${STYLESHEET}'` }, attributes: [] }],
        },
      },
    })
  }
}

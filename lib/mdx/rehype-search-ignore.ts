import type { Root } from 'hast'
import { visit } from 'unist-util-visit'

/**
 * KaTeX writes each formula twice, as MathML for screen readers and as HTML for the eye; the
 * search index takes the HTML's text only, or titles and excerpts repeat it (`O(1)O(1)O`).
 */
export default function rehypeSearchIgnore() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const classes = node.properties.className
      if (!Array.isArray(classes) || !classes.includes('katex-mathml')) return undefined
      node.properties.dataPagefindIgnore = 'all'
      return 'skip'
    })
  }
}

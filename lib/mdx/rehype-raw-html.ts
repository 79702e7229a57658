import type { Root } from 'hast'
import rehypeRaw from 'rehype-raw'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'

/** MDX node types that must pass through the HTML re-parse untouched. */
const MDX_NODE_TYPES = [
  'mdxFlowExpression',
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxTextExpression',
  'mdxjsEsm',
]

/**
 * Plain `.md` lectures may contain raw HTML, as notes repositories do (`<details>`, `<br>`,
 * HTML comments); MDX drops such nodes, so they are parsed into elements here. `.mdx` files
 * never contain raw nodes, so they skip the re-parse.
 */
export default function rehypeRawHtml() {
  const transform = rehypeRaw({ passThrough: MDX_NODE_TYPES })
  return (tree: Root, file: VFile) => {
    let hasRaw = false
    visit(tree, 'raw', () => {
      hasRaw = true
      return false
    })
    return hasRaw ? transform(tree, file) : undefined
  }
}

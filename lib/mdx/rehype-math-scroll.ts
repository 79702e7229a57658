import type { Root } from 'hast'
import { visit } from 'unist-util-visit'

/**
 * A display formula wider than a phone scrolls sideways inside its own box (see
 * `.katex-display` in app/globals.css); a scrolling box must be reachable by keyboard, so each
 * display formula can take focus.
 */
export default function rehypeMathScroll() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      const classes = node.properties.className
      if (Array.isArray(classes) && classes.includes('katex-display')) {
        node.properties.tabIndex = 0
        return 'skip'
      }
      return undefined
    })
  }
}

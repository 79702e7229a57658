import type { Root } from 'hast'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'

const HEADINGS = new Set(['h2', 'h3', 'h4', 'h5', 'h6'])

/**
 * Appends a "#" link to every heading that has an id, so readers can copy a link to any
 * section. The visible "#" is hidden from screen readers; they hear the section's name.
 * Mouse readers click it; it is no Tab stop.
 */
export default function rehypeHeadingAnchors() {
  return (tree: Root) => {
    visit(tree, 'element', (node) => {
      if (!HEADINGS.has(node.tagName) || typeof node.properties.id !== 'string') return
      const text = toString(node)
      node.children.push({
        type: 'element',
        tagName: 'a',
        // Its text is for screen readers only: search titles and excerpts must not show it. Out of
        // the Tab order: a lecture has dozens of headings, and "本页内容" already links every section.
        properties: {
          href: `#${node.properties.id}`,
          className: ['heading-anchor'],
          dataPagefindIgnore: 'all',
          tabIndex: -1,
        },
        children: [
          {
            type: 'element',
            tagName: 'span',
            properties: { ariaHidden: 'true' },
            children: [{ type: 'text', value: '#' }],
          },
          {
            type: 'element',
            tagName: 'span',
            properties: { className: ['sr-only'] },
            children: [{ type: 'text', value: `链接到「${text}」` }],
          },
        ],
      })
      return 'skip'
    })
  }
}

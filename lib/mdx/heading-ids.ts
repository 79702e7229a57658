import GithubSlugger from 'github-slugger'
import type { Heading as MdastHeading, Root } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'

/** A heading of a page, with the anchor id it gets in the HTML. */
export interface Heading {
  depth: number
  text: string
  id: string
  /** True for headings directly in the article (not inside a component such as a solution). */
  topLevel: boolean
}

/**
 * Gives every heading an id (GitHub's slug rules: Chinese characters are kept, duplicates get
 * `-1`, `-2`) and returns the headings in order. The remark plugin and the content model both
 * call this, so the TOC, the link checker and the HTML always agree.
 */
export function assignHeadingIds(tree: Root): Heading[] {
  const slugger = new GithubSlugger()
  const headings: Heading[] = []
  visit(tree, 'heading', (node: MdastHeading, _index, parent) => {
    const text = toString(node, { includeImageAlt: false }).trim()
    const id = slugger.slug(text || 'section')
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } }
    headings.push({ depth: node.depth, text, id, topLevel: parent?.type === 'root' })
  })
  return headings
}

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
 * The part of a lab a heading opens: a top-level `##` heading that starts with the part id in
 * upper case (`## 3B：日志复制` opens part 3b).
 */
export function partOfHeading(
  heading: Omit<Heading, 'id'>,
  partIds: readonly string[],
): string | undefined {
  if (heading.depth !== 2 || !heading.topLevel) return undefined
  return partIds.find((id) => new RegExp(`^${id.toUpperCase()}(?![A-Za-z0-9])`).test(heading.text))
}

/**
 * The anchor ids of a page's headings, in order (GitHub's slug rules: Chinese characters are
 * kept, duplicates get `-1`, `-2`). A lab's part heading gets the part id itself (`#3b`), so
 * lectures can link `./labs/lab-3.mdx#3b`.
 */
export function headingIds(
  headings: readonly Omit<Heading, 'id'>[],
  partIds: readonly string[] = [],
): string[] {
  const slugger = new GithubSlugger()
  return headings.map((heading) =>
    slugger.slug(partOfHeading(heading, partIds) ?? (heading.text || 'section')),
  )
}

/**
 * Gives every heading its id and returns the headings in order. The remark plugin and the
 * content model both call this, so the TOC, the link checker and the HTML always agree.
 */
export function assignHeadingIds(tree: Root, partIds: readonly string[] = []): Heading[] {
  const found: { node: MdastHeading; heading: Omit<Heading, 'id'> }[] = []
  visit(tree, 'heading', (node: MdastHeading, _index, parent) => {
    const text = toString(node, { includeImageAlt: false }).trim()
    found.push({ node, heading: { depth: node.depth, text, topLevel: parent?.type === 'root' } })
  })
  const ids = headingIds(
    found.map((entry) => entry.heading),
    partIds,
  )
  return found.map(({ node, heading }, index) => {
    const id = ids[index]!
    node.data = { ...node.data, hProperties: { ...node.data?.hProperties, id } }
    return { ...heading, id }
  })
}

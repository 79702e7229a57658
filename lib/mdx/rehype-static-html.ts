import type { Element, ElementContent, Properties, Root, RootContent } from 'hast'
import { toHtml } from 'hast-util-to-html'
import type { MdxJsxAttribute, MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx'
import { find, html as htmlSchema } from 'property-information'

/**
 * Most of a lecture is plain markup that never changes in the browser: paragraphs, lists,
 * tables, headings, formulas. Next.js sends every page's rendered tree twice, once as HTML and
 * once as its RSC payload for hydration, and React then walks every node of it. Each element
 * whose subtree holds no component therefore becomes `<StaticHtml tag props html>`: the same
 * element with its contents as one HTML string. The page's DOM is unchanged; its payload is
 * smaller and hydration skips the inside of these elements.
 *
 * Elements with a component inside are kept and their children visited, so a paragraph with an
 * inline component still has its formulas and links passed as strings.
 */
export default function rehypeStaticHtml() {
  return (tree: Root) => {
    convertChildren(tree)
  }
}

type Parent = { children: (RootContent | ElementContent)[] }

const MDX_NODE_TYPES = new Set([
  'mdxJsxFlowElement',
  'mdxJsxTextElement',
  'mdxFlowExpression',
  'mdxTextExpression',
  'mdxjsEsm',
  'raw',
])

function convertChildren(parent: Parent) {
  parent.children = parent.children.map((child) => {
    if (child.type === 'element') {
      if (isStatic(child) && convertible(child)) return toStaticHtml(child)
      convertChildren(child)
      return child
    }
    if ('children' in child && MDX_NODE_TYPES.has(child.type)) convertChildren(child as Parent)
    return child
  }) as typeof parent.children
}

/** No component, expression or raw HTML anywhere inside. */
function isStatic(node: RootContent | ElementContent): boolean {
  if (MDX_NODE_TYPES.has(node.type)) return false
  return node.type !== 'element' || node.children.every(isStatic)
}

/**
 * Worth it when the element has elements inside (a string is only shorter than a tree), and
 * possible when React can take its own attributes as they are: no inline style (React wants an
 * object) and not the root of an SVG or MathML island (their attribute names differ).
 */
function convertible(node: Element): boolean {
  return (
    node.children.some((child) => child.type === 'element') &&
    node.properties.style === undefined &&
    node.tagName !== 'svg' &&
    node.tagName !== 'math'
  )
}

function toStaticHtml(node: Element): MdxJsxFlowElementHast {
  const attributes: MdxJsxAttribute[] = [
    { type: 'mdxJsxAttribute', name: 'tag', value: node.tagName },
    { type: 'mdxJsxAttribute', name: 'html', value: toHtml(node.children) },
  ]
  const props = reactProps(node.properties)
  if (Object.keys(props).length > 0)
    attributes.push({ type: 'mdxJsxAttribute', name: 'props', value: JSON.stringify(props) })
  // Flow or text does not matter to the compiled JSX; the type only tells MDX how to print it.
  return { type: 'mdxJsxFlowElement', name: 'StaticHtml', attributes, children: [] }
}

/** hast properties as React props: `data-*` and `aria-*` by their attribute names, lists joined. */
function reactProps(properties: Properties): Record<string, string | number | boolean> {
  const props: Record<string, string | number | boolean> = {}
  for (const [name, value] of Object.entries(properties)) {
    if (value === undefined || value === null || value === false) continue
    const info = find(htmlSchema, name)
    const key = /^(data|aria)-/.test(info.attribute) ? info.attribute : name
    props[key] = Array.isArray(value)
      ? value.join(info.commaSeparated ? ',' : ' ')
      : (value as string | number | boolean)
  }
  return props
}

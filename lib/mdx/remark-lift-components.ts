import type { Paragraph, PhrasingContent, Root, RootContent } from 'mdast'
import type { MdxJsxFlowElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import { componentNames } from './component-props.ts'

/**
 * Authors write components on consecutive lines without blank lines between them:
 *
 *     <Quiz>
 *     哪个对？
 *     <Choice>甲</Choice>
 *
 * Markdown reads such lines as one paragraph with inline tags inside, which would hide the
 * choices in a <p>. This step lifts every component out of such paragraphs, so the page gets
 * the structure the author meant; the text around them stays a paragraph.
 */
export default function remarkLiftComponents() {
  const names = new Set<string>(componentNames)
  return (tree: Root) => {
    visit(tree, 'paragraph', (node: Paragraph, index, parent) => {
      if (!parent || index === undefined) return
      if (
        !node.children.some(
          (child) => child.type === 'mdxJsxTextElement' && names.has(child.name ?? ''),
        )
      )
        return
      const replacement: RootContent[] = []
      let run: PhrasingContent[] = []
      const flush = () => {
        while (run[0]?.type === 'text' && run[0].value.trim() === '') run.shift()
        while (run.at(-1)?.type === 'text' && (run.at(-1) as { value: string }).value.trim() === '')
          run.pop()
        if (run.length > 0) {
          const first = run[0]
          if (first?.type === 'text') first.value = first.value.replace(/^\s+/, '')
          const last = run.at(-1)
          if (last?.type === 'text') last.value = last.value.replace(/\s+$/, '')
          replacement.push({ type: 'paragraph', children: run })
        }
        run = []
      }
      for (const child of node.children) {
        if (child.type === 'mdxJsxTextElement' && names.has(child.name ?? '')) {
          flush()
          const lifted: MdxJsxFlowElement = {
            type: 'mdxJsxFlowElement',
            name: child.name,
            attributes: child.attributes,
            children:
              child.children.length > 0 ? [{ type: 'paragraph', children: child.children }] : [],
            position: child.position,
          }
          replacement.push(lifted)
        } else {
          run.push(child)
        }
      }
      flush()
      parent.children.splice(index, 1, ...(replacement as typeof parent.children))
      return index + replacement.length
    })
  }
}

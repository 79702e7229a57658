import type { ComponentType } from 'react'

/**
 * Imports the compiled MDX of a page. The bundler sees the template and compiles every `.md`
 * and `.mdx` file of content/ through the MDX pipeline; this is not file-system access, and it
 * is the only place the app turns a content path into a module.
 */
export async function loadPageComponent(contentPath: string): Promise<ComponentType> {
  const match = /^([^/]+)\/(.+)\.md(x?)$/.exec(contentPath)
  if (!match) throw new Error(`Not a page file: ${contentPath}`)
  const [, course, stem, x] = match
  // One template for both extensions: `.md${x}` matches .md and .mdx, and nothing else in content/.
  const compiled = (await import(`@/content/${course}/${stem}.md${x}`)) as {
    default: ComponentType
  }
  return compiled.default
}

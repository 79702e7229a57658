import { createProcessor } from '@mdx-js/mdx'
import type { Root } from 'mdast'
import remarkFrontmatter from 'remark-frontmatter'
import remarkGfm from 'remark-gfm'
import remarkMath from 'remark-math'
import { VFile } from 'vfile'

/** `.md` lectures are plain Markdown (HTML comments, stray braces work); `.mdx` is MDX. */
export type SourceFormat = 'md' | 'mdx'

export function formatOf(file: string): SourceFormat {
  return file.endsWith('.md') ? 'md' : 'mdx'
}

/** The syntax extensions every lecture is parsed with; the pipeline lists the same ones. */
export const syntaxPlugins = [remarkFrontmatter, remarkGfm, remarkMath] as const

const processors = {
  md: createProcessor({ format: 'md', remarkPlugins: [...syntaxPlugins] }),
  mdx: createProcessor({ format: 'mdx', remarkPlugins: [...syntaxPlugins] }),
}

/**
 * Parses a lecture into its Markdown syntax tree, exactly as the MDX pipeline parses it,
 * without compiling. Syntax errors throw a VFileMessage with the line and column.
 */
export function parseLecture(source: string, file: string): Root {
  return processors[formatOf(file)].parse(new VFile({ path: file, value: source }))
}

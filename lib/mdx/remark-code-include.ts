import type { Code, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import type { VFile } from 'vfile'
import { basePath as defaultBasePath } from '../site-config.ts'
import { expandCodeIncludes } from './code-include.ts'
import { recordProblems } from './problems.ts'

export interface Options {
  /** URL prefix of the link to the whole file. @defaultValue the BASE_PATH of the build */
  basePath?: string
}

/**
 * Fences with `file="./code/…"` show a program file of the course, whole or one anchored
 * region (lib/mdx/code-include.ts); rehype-code links the block to the whole file.
 */
export default function remarkCodeInclude(options: Options = {}) {
  const basePath = options.basePath ?? defaultBasePath
  return (tree: Root, file: VFile) => {
    if (!file.path) return
    recordProblems(file, expandCodeIncludes(tree, file.path))
    visit(tree, 'code', (node: Code) => {
      const include = node.data?.include
      if (!include) return
      // Attributes of the <code> element, which rehype-code reads.
      node.data = {
        ...node.data,
        hProperties: {
          ...node.data?.hProperties,
          dataSource: `${basePath}${include.sitePath}`,
          dataSourceName: include.name,
        },
      }
    })
  }
}

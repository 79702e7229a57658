import fs from 'node:fs'
import path from 'node:path'
import type { Code, Root } from 'mdast'
import { visit } from 'unist-util-visit'
import { readCodeInclude } from '../content/code-files.ts'
import type { ContentProblem } from '../content/errors.ts'
import { parseCodeMeta } from './code-meta.ts'
import { problemAt } from './problems.ts'

declare module 'mdast' {
  interface CodeData {
    /** Set on a fence that includes a program file: where the whole file is published. */
    include?: { sitePath: string; name: string }
  }
}

/** The course folder a page belongs to: the nearest folder above it with a course.yaml. */
export function courseDirOf(pageFile: string): string | undefined {
  let dir = path.dirname(path.resolve(pageFile))
  while (dir !== path.dirname(dir)) {
    if (fs.existsSync(path.join(dir, 'course.yaml'))) return dir
    dir = path.dirname(dir)
  }
  return undefined
}

/**
 * Fills every fence that says `file="…"` (and maybe `anchor="…"`) with that program file or
 * region, and notes where the whole file is published. The pipeline, the sample check and the
 * lecture bar all see the included code, so what a page shows is what the tests compile.
 */
export function expandCodeIncludes(tree: Root, pageFile: string): ContentProblem[] {
  const problems: ContentProblem[] = []
  const courseDir = courseDirOf(pageFile)
  visit(tree, 'code', (node: Code) => {
    const { meta } = parseCodeMeta(node.meta)
    if (meta.file === undefined) return
    const fail = (message: string, hint: string) =>
      problems.push(problemAt(pageFile, node, message, hint))
    if (node.value.trim() !== '') {
      fail(
        `a fence with file="${meta.file}" must be empty`,
        'The block shows the file (or its anchor region); move the code into the file or drop file="…".',
      )
      return
    }
    if (!courseDir) {
      fail('this page belongs to no course', 'Included programs live in content/<course>/code/.')
      return
    }
    const included = readCodeInclude(pageFile, courseDir, meta.file, meta.anchor)
    if (!included.ok) {
      fail(included.message, included.hint)
      return
    }
    node.value = included.code
    node.data = { ...node.data, include: { sitePath: included.sitePath, name: included.name } }
  })
  return problems
}

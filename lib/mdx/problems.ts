import type { Node } from 'unist'
import type { VFile } from 'vfile'
import type { ContentProblem } from '../content/errors.ts'

declare module 'vfile' {
  interface DataMap {
    /** Author mistakes found by the pipeline's checks, reported together at the end. */
    contentProblems: ContentProblem[]
  }
}

/**
 * Records problems on the file instead of throwing at once, so one build shows every mistake
 * of a page (a bad link, a bad prop and bad LaTeX together). `rehype-report-problems`, the last
 * step of the pipeline, throws them.
 */
export function recordProblems(file: VFile, problems: ContentProblem[]): void {
  if (problems.length === 0) return
  file.data.contentProblems = [...(file.data.contentProblems ?? []), ...problems]
}

/** A problem located at a node of the tree (its start line and column). */
export function problemAt(file: string, node: Node, message: string, hint: string): ContentProblem {
  return {
    file,
    line: node.position?.start.line,
    column: node.position?.start.column,
    message,
    hint,
  }
}

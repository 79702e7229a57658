import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { ContentError } from '../content/errors.ts'
import './problems.ts'

/** The last step of the pipeline: fails the compile with every problem the checks recorded. */
export default function rehypeReportProblems() {
  return (_tree: Root, file: VFile) => {
    const problems = file.data.contentProblems ?? []
    if (problems.length === 0) return
    problems.sort((a, b) => (a.line ?? 0) - (b.line ?? 0) || (a.column ?? 0) - (b.column ?? 0))
    throw new ContentError(problems)
  }
}

import type { Root } from 'hast'
import type { VFile } from 'vfile'
import { recordProblems } from './problems.ts'

/**
 * rehype-katex only warns about math it cannot render and shows red text in the page.
 * This step, placed right after it, turns those warnings into build errors that name the
 * file, the line and KaTeX's own explanation.
 */
export default function rehypeKatexErrors() {
  return (_tree: Root, file: VFile) => {
    const failures = file.messages.filter((message) => message.source === 'rehype-katex')
    recordProblems(
      file,
      failures.map((failure) => ({
        file: file.path,
        line: failure.line ?? undefined,
        column: failure.column ?? undefined,
        message: `invalid LaTeX: ${(failure.cause as Error | undefined)?.message ?? failure.reason}`,
        hint: 'KaTeX supports most of LaTeX math; see https://katex.org/docs/supported.html. Use \\text{…} for words inside math.',
      })),
    )
  }
}

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
        ...describeFailure(failure.cause, failure.reason),
      })),
    )
  }
}

const HINT =
  'KaTeX supports most of LaTeX math; see https://katex.org/docs/supported.html. Use \\text{…} for words inside math.'

/**
 * KaTeX's message, with the formula printed plainly and a caret under the fault. KaTeX marks
 * the fault by putting a combining underline (U+0332) after each character, which terminals
 * and the dev page show as garbled text.
 */
export function describeFailure(cause: unknown, reason: string): { message: string; hint: string } {
  const error = cause as { message?: string; rawMessage?: string } | undefined
  const full = error?.message ?? reason
  const raw = error?.rawMessage ?? full.replace(/^KaTeX parse error: /, '')
  const found = /(at position \d+|at end of input): ([\s\S]*)$/.exec(full)
  if (!found) return { message: `invalid LaTeX: ${raw}`, hint: HINT }
  let formula = ''
  let marks = ''
  for (const character of found[2]!) {
    if (character === '\u0332') marks = `${marks.slice(0, -1)}^`
    else {
      formula += character
      marks += ' '
    }
  }
  if (found[1] === 'at end of input') marks = `${' '.repeat(formula.length)}^`
  return {
    message: `invalid LaTeX: ${raw} (${found[1]})`,
    hint: `${formula}\n${marks.trimEnd()}\n${HINT}`,
  }
}

import katex from 'katex'
import { describe, expect, it } from 'vitest'
import { describeFailure } from '@/lib/mdx/rehype-katex-errors.ts'

function failureOf(formula: string): unknown {
  try {
    katex.renderToString(formula, { throwOnError: true })
  } catch (error) {
    return error
  }
  throw new Error(`KaTeX accepted ${formula}`)
}

describe('bad LaTeX is reported plainly', () => {
  it('prints the formula without combining underlines, with a caret under the fault', () => {
    const { message, hint } = describeFailure(failureOf('a + \\foo{b}'), '')
    expect(message).toBe('invalid LaTeX: Undefined control sequence: \\foo (at position 5)')
    expect(`${message}${hint}`).not.toMatch(/\u0332/)
    expect(hint.split('\n').slice(0, 2)).toEqual(['a + \\foo{b}', '    ^^^^'])
  })
})

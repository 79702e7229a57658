'use client'

import { useState, type ReactNode } from 'react'
import { CHOICE_LETTERS } from './choice-letters'

interface QuizClientProps {
  name: string
  promptId: string | undefined
  multiple: boolean
  choices: { correct: boolean; content: ReactNode }[]
  explanation: ReactNode
}

/**
 * The answering part of a quiz: pick and check. A wrong try marks only the wrong picks, so the
 * reader can try again; the right answers and the explanation show once the answer is right or
 * the reader asks for them.
 */
export function QuizClient({ name, promptId, multiple, choices, explanation }: QuizClientProps) {
  const [picked, setPicked] = useState<Set<number>>(new Set())
  const [checked, setChecked] = useState(false)
  const [revealed, setRevealed] = useState(false)
  const right = checked && choices.every((choice, index) => choice.correct === picked.has(index))
  const answered = right || revealed

  const toggle = (index: number) => {
    setChecked(false)
    setPicked((current) => {
      const next = new Set(multiple ? current : [])
      if (multiple && current.has(index)) next.delete(index)
      else next.add(index)
      return next
    })
  }

  const resultOf = (index: number, correct: boolean) => {
    if (answered && correct) return picked.has(index) ? 'correct' : 'missed'
    return checked && !correct && picked.has(index) ? 'incorrect' : undefined
  }

  return (
    <div className="quiz-answer">
      <fieldset className="not-prose" aria-describedby={promptId}>
        <legend className="sr-only">{multiple ? '选择所有正确的答案' : '选择一个答案'}</legend>
        <ol className="quiz-choices">
          {choices.map((choice, index) => {
            const result = resultOf(index, choice.correct)
            return (
              <li key={index} data-result={result}>
                <label className="quiz-choice">
                  <input
                    type={multiple ? 'checkbox' : 'radio'}
                    name={name}
                    checked={picked.has(index)}
                    onChange={() => toggle(index)}
                  />
                  <span className="quiz-letter" aria-hidden="true">
                    {CHOICE_LETTERS[index]}
                  </span>
                  <span className="quiz-choice-text">{choice.content}</span>
                  {result && (
                    <span className="quiz-mark">
                      {result === 'correct'
                        ? '✓ 正确'
                        : result === 'missed'
                          ? '漏选：这一项也正确'
                          : '✗ 不对'}
                    </span>
                  )}
                </label>
              </li>
            )
          })}
        </ol>
      </fieldset>
      <div className="not-prose mt-3 flex flex-wrap items-center gap-3">
        <button
          type="button"
          className="quiz-check"
          disabled={picked.size === 0}
          onClick={() => setChecked(true)}
        >
          检查答案
        </button>
        <p role="status" className="quiz-feedback" data-right={checked ? String(right) : undefined}>
          {checked ? (right ? '回答正确！' : '还不完全对，改一改再检查。') : ''}
        </p>
        {checked && !answered && (
          <button type="button" className="quiz-reveal" onClick={() => setRevealed(true)}>
            查看答案
          </button>
        )}
      </div>
      {answered && explanation && (
        <div className="quiz-explanation prose dark:prose-invert max-w-none">{explanation}</div>
      )}
    </div>
  )
}

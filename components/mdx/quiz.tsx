import { Children, isValidElement, type ReactElement, type ReactNode } from 'react'
import { Choice } from './choice'
import { CHOICE_LETTERS } from './choice-letters'
import { Explanation } from './explanation'
import { QuizClient } from './quiz-client'

interface QuizProps {
  title?: string
  /** quiz-1, quiz-2 …: set by the pipeline. */
  anchor?: string
  children: ReactNode
}

type ChoiceElement = ReactElement<{ correct?: boolean; children: ReactNode }>

/**
 * A self-check question. Content other than <Choice> and <Explanation> is the question; one
 * correct choice makes it single-answer, several make it multiple-answer. Without JavaScript
 * the question and choices still read, and the answer waits in a <details>.
 */
export function Quiz({ title = '自测', anchor, children }: QuizProps) {
  const prompt: ReactNode[] = []
  const choices: ChoiceElement[] = []
  let explanation: ReactNode = null
  for (const child of Children.toArray(children)) {
    if (isValidElement(child) && child.type === Choice) choices.push(child as ChoiceElement)
    else if (isValidElement(child) && child.type === Explanation) explanation = child
    else prompt.push(child)
  }
  const correct = choices.flatMap((choice, index) =>
    choice.props.correct ? [CHOICE_LETTERS[index]] : [],
  )
  if (choices.length < 2 || correct.length === 0) {
    throw new Error(
      `<Quiz${anchor ? ` id=${anchor}` : ''}> needs at least two <Choice> and at least one marked correct.`,
    )
  }
  const promptId = anchor ? `${anchor}-prompt` : undefined
  return (
    <section
      id={anchor}
      className="quiz"
      aria-labelledby={anchor ? `${anchor}-title` : undefined}
      data-quiz
    >
      <p id={anchor ? `${anchor}-title` : undefined} className="quiz-title not-prose">
        {title}
        <span className="quiz-kind">{correct.length > 1 ? '多选' : '单选'}</span>
      </p>
      <div id={promptId} className="quiz-prompt prose dark:prose-invert max-w-none">
        {prompt}
      </div>
      <QuizClient
        name={anchor ?? 'quiz'}
        promptId={promptId}
        multiple={correct.length > 1}
        choices={choices.map((choice) => ({
          correct: choice.props.correct === true,
          content: choice.props.children,
        }))}
        explanation={explanation}
      />
      <details className="quiz-answer-fallback">
        <summary>查看答案</summary>
        <p>{`正确答案：${correct.join('、')}`}</p>
        {explanation && <div className="prose dark:prose-invert max-w-none">{explanation}</div>}
      </details>
    </section>
  )
}

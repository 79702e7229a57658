import type { ReactNode } from 'react'
import type { ExerciseProps as AuthorProps } from '@/lib/mdx/component-props'

interface ExerciseProps extends AuthorProps {
  /** 练习 5.2: set by the pipeline from the lecture number and the exercise's position. */
  number?: string
  /** The anchor id, e.g. exercise-2, set by the pipeline. */
  anchor?: string
  children: ReactNode
}

const DIFFICULTY = {
  easy: { label: '简单', className: 'difficulty-easy' },
  medium: { label: '中等', className: 'difficulty-medium' },
  hard: { label: '困难', className: 'difficulty-hard' },
} as const

/** An exercise, numbered per lecture and linkable; its hints and solution fold away. */
export function Exercise({ title, difficulty, number, anchor, children }: ExerciseProps) {
  const level = DIFFICULTY[difficulty]
  const headingId = anchor ? `${anchor}-title` : undefined
  return (
    <section id={anchor} className="exercise" aria-labelledby={headingId} data-exercise={number}>
      <div className="exercise-header not-prose">
        <p id={headingId} className="exercise-title">
          <a
            href={anchor ? `#${anchor}` : undefined}
            className="exercise-number"
          >{`练习 ${number ?? ''}`}</a>
          <span>{title}</span>
        </p>
        <span className={`difficulty ${level.className}`}>
          <span className="sr-only">难度：</span>
          {level.label}
        </span>
      </div>
      <div className="exercise-body prose dark:prose-invert max-w-none">{children}</div>
    </section>
  )
}

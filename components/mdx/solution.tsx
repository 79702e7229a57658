import type { ReactNode } from 'react'

/** The worked solution of an <Exercise>, folded until the reader asks. */
export function Solution({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <details className="exercise-fold solution">
      <summary>{title ?? '参考解答'}</summary>
      <div className="prose dark:prose-invert max-w-none">{children}</div>
    </details>
  )
}

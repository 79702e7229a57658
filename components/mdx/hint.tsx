import type { ReactNode } from 'react'

/** A hint inside an <Exercise>: folded until the reader asks (native <details>, no JavaScript). */
export function Hint({ title, children }: { title?: string; children: ReactNode }) {
  return (
    <details className="exercise-fold hint">
      <summary>{title ?? '提示'}</summary>
      <div className="prose dark:prose-invert max-w-none">{children}</div>
    </details>
  )
}

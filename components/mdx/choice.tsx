import type { ReactNode } from 'react'

/** One answer of a <Quiz>; `correct` marks a right one. The Quiz lays it out. */
export function Choice({ children }: { correct?: boolean; children: ReactNode }) {
  return <>{children}</>
}

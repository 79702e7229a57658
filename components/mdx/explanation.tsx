import type { ReactNode } from 'react'

/** Why the right answer is right; a <Quiz> shows it once the reader has answered. */
export function Explanation({ children }: { children: ReactNode }) {
  return <>{children}</>
}

import type { ReactNode } from 'react'

interface PageHeaderProps {
  /** The line above the title: a lecture's number and part, a lab's way back to the list. */
  kicker: ReactNode
  title: string
  description: string
}

/** Title and one-line description of a page inside a course (a lecture, a lab handout). */
export function PageHeader({ kicker, title, description }: PageHeaderProps) {
  return (
    <header className="mb-8">
      <p className="mb-2 text-sm font-medium text-[var(--color-accent-600)] dark:text-[var(--color-accent-300)]">
        {kicker}
      </p>
      <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-[2.25rem]">{title}</h1>
      <p className="mt-3 text-lg text-[var(--muted-fg)]" data-pagefind-meta="description">
        {description}
      </p>
    </header>
  )
}

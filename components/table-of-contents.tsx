import type { ExerciseEntry, Heading } from '@/lib/content'

interface TableOfContentsProps {
  headings: Heading[]
  exercises: ExerciseEntry[]
  /** Lecture number, for exercise labels such as 练习 5.2. */
  /** The lecture's number, for 练习 5.2; a lab's exercises are numbered alone. */
  lectureNumber?: number
}

/** "On this page": the article's sections, then its exercises; the section in view is marked. */
export function TableOfContents({ headings, exercises, lectureNumber }: TableOfContentsProps) {
  if (headings.length === 0 && exercises.length === 0) return null
  return (
    <nav aria-label="本页内容" className="toc text-[0.85rem]" data-pagefind-ignore="all">
      <p className="mb-2 text-xs font-semibold tracking-wide text-[var(--muted-fg)]">本页内容</p>
      <ol className="space-y-1">
        {headings.map((heading) => (
          <li key={heading.id} className={heading.depth === 3 ? 'pl-3' : undefined}>
            <a href={`#${heading.id}`} data-toc-link={heading.id} className="toc-link">
              {heading.text}
            </a>
          </li>
        ))}
      </ol>
      {exercises.length > 0 && (
        <>
          <p className="mb-2 mt-4 text-xs font-semibold tracking-wide text-[var(--muted-fg)]">
            练习
          </p>
          <ol className="space-y-1">
            {exercises.map((exercise) => (
              <li key={exercise.id}>
                <a href={`#${exercise.id}`} data-toc-link={exercise.id} className="toc-link">
                  {`练习 ${lectureNumber ? `${lectureNumber}.` : ''}${exercise.index}`}
                  {exercise.title && (
                    <span className="text-[var(--muted-fg)]">{` ${exercise.title}`}</span>
                  )}
                </a>
              </li>
            ))}
          </ol>
        </>
      )}
    </nav>
  )
}

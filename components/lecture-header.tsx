import type { Course, Lecture } from '@/lib/content'

interface LectureHeaderProps {
  course: Course
  lecture: Lecture
}

/** Number, part, title and one-line description of a lecture. */
export function LectureHeader({ course, lecture }: LectureHeaderProps) {
  return (
    <header className="mb-8">
      <p className="mb-2 text-sm font-medium text-[var(--color-accent-600)] dark:text-[var(--color-accent-300)]">
        <span data-lecture-number>{`第 ${lecture.number} ${course.unit}`}</span>
        <span aria-hidden="true"> · </span>
        <span>{lecture.part.title}</span>
        {lecture.draft && (
          <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
            草稿
          </span>
        )}
      </p>
      <h1 className="text-3xl font-bold leading-tight tracking-tight sm:text-[2.25rem]">
        {lecture.title}
      </h1>
      <p className="mt-3 text-lg text-[var(--muted-fg)]" data-pagefind-meta="description">
        {lecture.description}
      </p>
    </header>
  )
}

import Link from 'next/link'
import type { Course } from '@/lib/content'

interface CourseSidebarProps {
  course: Course
  /** Slug of the lecture being read, marked as the current page. */
  current?: string
}

/** The course's parts and lectures, in manifest order, with the current lecture marked. */
export function CourseSidebar({ course, current }: CourseSidebarProps) {
  return (
    <nav aria-label="课程目录" className="text-[0.9rem]" data-pagefind-ignore="all">
      <Link
        href={course.path}
        prefetch={false}
        className="mb-4 block font-semibold hover:text-[var(--color-accent-600)] dark:hover:text-[var(--color-accent-300)]"
      >
        {course.title}
      </Link>
      {course.parts.map((part) => (
        <div key={part.id} className="mb-5">
          <p
            id={`part-${part.id}`}
            className="mb-1.5 text-xs font-semibold tracking-wide text-[var(--muted-fg)]"
          >
            {part.title}
          </p>
          <ol aria-labelledby={`part-${part.id}`} className="space-y-0.5">
            {part.lectures.map((lecture) => {
              const isCurrent = lecture.slug === current
              return (
                <li key={lecture.slug}>
                  <Link
                    href={lecture.path}
                    prefetch={false}
                    aria-current={isCurrent ? 'page' : undefined}
                    data-lecture={lecture.slug}
                    className="sidebar-link"
                  >
                    <span className="sidebar-number" aria-hidden="true">
                      {lecture.number}
                    </span>
                    <span>
                      <span className="sr-only">{`第 ${lecture.number} ${course.unit}：`}</span>
                      {lecture.title}
                      <span className="complete-label sr-only" />
                    </span>
                  </Link>
                </li>
              )
            })}
          </ol>
        </div>
      ))}
    </nav>
  )
}

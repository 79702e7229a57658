import { PageHeader } from '@/components/page-header'
import type { Course, Lecture } from '@/lib/content'

interface LectureHeaderProps {
  course: Course
  lecture: Lecture
}

/** Number, part, title and one-line description of a lecture. */
export function LectureHeader({ course, lecture }: LectureHeaderProps) {
  return (
    <PageHeader
      kicker={
        <>
          <span data-lecture-number>{`第 ${lecture.number} ${course.unit}`}</span>
          <span aria-hidden="true"> · </span>
          <span>{lecture.part.title}</span>
          {lecture.draft && (
            <span className="ml-2 rounded bg-amber-100 px-1.5 py-0.5 text-xs text-amber-900">
              草稿
            </span>
          )}
        </>
      }
      title={lecture.title}
      description={lecture.description}
    />
  )
}

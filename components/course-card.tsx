import Link from 'next/link'
import type { Course } from '@/lib/content'
import { progressLectures } from '@/lib/progress/course-outline'
import { CourseProgress } from './progress/course-progress'

/** A course in the catalog: what it is, how long, and where to start. */
export function CourseCard({ course }: { course: Course }) {
  const hours = Math.round(course.totalMinutes / 60)
  const facts = [
    `${course.lectures.length} ${course.unit}`,
    hours > 0 ? `约 ${hours} 小时视频` : undefined,
    course.level,
  ].filter(Boolean)
  return (
    <article className="course-card" data-course={course.slug}>
      <h3 className="text-xl font-semibold">
        <Link prefetch={false} href={course.path} className="after:absolute after:inset-0">
          {course.title}
        </Link>
      </h3>
      <p className="mt-2 text-[var(--muted-fg)]">{course.description}</p>
      <p className="mt-4 flex flex-wrap gap-x-3 text-sm text-[var(--muted-fg)]">
        {facts.map((fact) => (
          <span key={fact}>{fact}</span>
        ))}
      </p>
      {course.kind === 'course' && (
        <div className="relative z-10 mt-4">
          <CourseProgress
            course={course.slug}
            unit={course.unit}
            lectures={progressLectures(course)}
            stages={[]}
            variant="compact"
          />
        </div>
      )}
    </article>
  )
}

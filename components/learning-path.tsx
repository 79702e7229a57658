import Link from 'next/link'
import type { Course } from '@/lib/content'
import { lectureRange } from '@/lib/lecture-range'

/**
 * The stages of the course as a path: goals and which lectures each covers. The lectures
 * themselves are listed once, in the course contents below.
 */
export function LearningPath({ course }: { course: Course }) {
  if (course.stages.length === 0) return null
  return (
    <section aria-labelledby="path-heading" className="mt-12">
      <h2 id="path-heading" className="mb-5 text-2xl font-bold">
        学习路径
      </h2>
      <ol className="learning-path">
        {course.stages.map((stage, index) => (
          <li key={stage.title} className="stage">
            <div className="stage-marker" aria-hidden="true">
              {index + 1}
            </div>
            <div className="min-w-0 flex-1">
              <h3 className="text-lg font-semibold">{stage.title}</h3>
              {stage.goals.length > 0 && (
                <ul className="mt-1 list-disc pl-5 text-[var(--muted-fg)]">
                  {stage.goals.map((goal) => (
                    <li key={goal}>{goal}</li>
                  ))}
                </ul>
              )}
              <p className="mt-2 text-sm">
                <Link href={stage.lectures[0]!.path} prefetch={false} className="stage-range">
                  {lectureRange(stage.lectures, course.unit)}
                </Link>
              </p>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}

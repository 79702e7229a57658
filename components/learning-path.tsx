import Link from 'next/link'
import type { Course } from '@/lib/content'

/** The stages of the course as a path: goals, then the lectures to read in order. */
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
              <ol className="mt-3 grid gap-2">
                {stage.lectures.map((lecture) => (
                  <li key={lecture.slug}>
                    <Link
                      href={lecture.path}
                      prefetch={false}
                      className="path-lecture"
                      data-lecture={lecture.slug}
                    >
                      <span className="path-number">{`第 ${lecture.number} ${course.unit}`}</span>
                      <span className="font-medium">{lecture.title}</span>
                      <span className="block text-sm text-[var(--muted-fg)]">
                        {lecture.description}
                        {` · 阅读约 ${lecture.readingMinutes} 分钟`}
                        {lecture.duration ? ` · 视频 ${lecture.duration} 分钟` : ''}
                      </span>
                    </Link>
                  </li>
                ))}
              </ol>
            </div>
          </li>
        ))}
      </ol>
    </section>
  )
}

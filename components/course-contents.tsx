import Link from 'next/link'
import type { Course } from '@/lib/content'
import { LabCard } from './lab-card'

/** Every part with its lectures and their one-line descriptions, then the labs. */
export function CourseContents({ course }: { course: Course }) {
  return (
    <>
      <section aria-labelledby="contents-heading" className="course-contents mt-12">
        <h2 id="contents-heading" className="mb-5 text-2xl font-bold">
          课程目录
        </h2>
        <div className="grid gap-8">
          {course.parts.map((part) => (
            <div key={part.id}>
              <h3 id={`part-${part.id}`} className="contents-part mb-3 text-lg font-semibold">
                {part.title}
              </h3>
              <ol className="grid gap-2">
                {part.lectures.map((lecture) => (
                  <li key={lecture.slug}>
                    <Link
                      href={lecture.path}
                      prefetch={false}
                      className="contents-link"
                      data-lecture={lecture.slug}
                    >
                      <span className="contents-number">{`${lecture.number}`}</span>
                      <span>
                        <span className="sr-only">{`第 ${lecture.number} ${course.unit}：`}</span>
                        <span className="font-medium">{lecture.title}</span>
                        <span className="block text-sm text-[var(--muted-fg)]">
                          {lecture.description}
                          {` · 阅读约 ${lecture.readingMinutes} 分钟`}
                          {lecture.duration ? ` · 视频 ${lecture.duration} 分钟` : ''}
                        </span>
                      </span>
                    </Link>
                  </li>
                ))}
              </ol>
            </div>
          ))}
        </div>
      </section>
      {(course.labs.length > 0 || course.labListings.length > 0) && (
        <section aria-labelledby="labs-heading" className="mt-12">
          <h2 id="labs-heading" className="mb-5 text-2xl font-bold">
            实践项目
          </h2>
          <ul className="grid gap-4 md:grid-cols-2">
            {course.labs.map((lab) => (
              <LabCard key={lab.id} course={course} lab={lab} />
            ))}
            {course.labListings.map((lab) => (
              <li key={lab.id} className="lab-card" id={`lab-${lab.id}`}>
                <h3 className="font-semibold">{lab.title}</h3>
                {lab.description && (
                  <p className="mt-1 text-sm text-[var(--muted-fg)]">{lab.description}</p>
                )}
                {lab.lectures.length > 0 && (
                  <p className="mt-2 text-sm">
                    {'引入于 '}
                    {lab.lectures.map((lecture, index) => (
                      <span key={lecture.slug}>
                        {index > 0 && '、'}
                        <Link
                          href={lecture.path}
                          prefetch={false}
                          className="underline underline-offset-2"
                        >
                          {`第 ${lecture.number} ${course.unit}`}
                        </Link>
                      </span>
                    ))}
                  </p>
                )}
              </li>
            ))}
          </ul>
        </section>
      )}
    </>
  )
}

import type { Metadata } from 'next'
import { CourseCard } from '@/components/course-card'
import { getSite } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'

export function generateMetadata(): Metadata {
  const site = getSite()
  return pageMetadata({
    title: site.title,
    description: site.description,
    path: '/',
    language: site.language,
    siteName: site.title,
  })
}

/** The catalog: every course, then the guides for authors. */
export default function CatalogPage() {
  const site = getSite()
  const courses = site.courses.filter((course) => course.kind === 'course')
  const guides = site.courses.filter((course) => course.kind === 'guide')
  return (
    <>
      <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{site.title}</h1>
      <p className="mt-3 max-w-2xl text-lg text-[var(--muted-fg)]">{site.description}</p>
      <section aria-labelledby="courses-heading" className="mt-10">
        <h2 id="courses-heading" className="mb-4 text-lg font-semibold">
          课程
        </h2>
        <div className="grid gap-5 md:grid-cols-2">
          {courses.map((course) => (
            <CourseCard key={course.slug} course={course} />
          ))}
        </div>
      </section>
      {guides.length > 0 && (
        <section aria-labelledby="guides-heading" className="mt-12">
          <h2 id="guides-heading" className="mb-4 text-lg font-semibold">
            写作指南
          </h2>
          <div className="grid gap-5 md:grid-cols-2">
            {guides.map((course) => (
              <CourseCard key={course.slug} course={course} />
            ))}
          </div>
        </section>
      )}
    </>
  )
}

import type { Metadata } from 'next'
import { LabCard } from '@/components/lab-card'
import { getCourse, getSite } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { labsPath } from '@/lib/urls'
import { SearchMeta } from '@/components/search-meta'

interface LabsPageProps {
  params: Promise<{ course: string }>
}

export const dynamicParams = false

/** Only courses with labs have this page (every such course, whichever course Next asks for; see the lab page). */
export async function generateStaticParams() {
  return getSite()
    .courses.filter((course) => course.labs.length > 0)
    .map((course) => ({ course: course.slug }))
}

export async function generateMetadata({ params }: LabsPageProps): Promise<Metadata> {
  const course = getCourse((await params).course)
  return pageMetadata({
    title: `实践项目 · ${course.title}`,
    description: `${course.title}的实践项目：每个项目的各部分、预计时间、配合的讲义和起始代码。`,
    path: labsPath(course.slug),
    language: course.language,
    siteName: getSite().title,
  })
}

/** The labs of a course, in order: parts, hours, the lectures each serves, the kit download. */
export default async function LabsPage({ params }: LabsPageProps) {
  const course = getCourse((await params).course)
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10 sm:px-6" data-pagefind-body>
      <SearchMeta course={course} label="实践项目" />
      <header className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">实践项目</h1>
        <p className="mt-3 text-lg text-[var(--muted-fg)]">
          {`${course.title}的 ${course.labs.length} 个实践项目。每个项目分成几部分，各有自己的测试；做完一部分，在项目页上把它标记为已完成。`}
        </p>
      </header>
      <ul className="grid gap-4 md:grid-cols-2">
        {course.labs.map((lab) => (
          <LabCard key={lab.id} course={course} lab={lab} />
        ))}
      </ul>
    </main>
  )
}

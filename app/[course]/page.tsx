import type { Metadata } from 'next'
import Link from 'next/link'
import { CourseContents } from '@/components/course-contents'
import { LearningPath } from '@/components/learning-path'
import { getCourse, getSite } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { loadPageComponent } from '@/lib/page-module'

interface CoursePageProps {
  params: Promise<{ course: string }>
}

export async function generateMetadata({ params }: CoursePageProps): Promise<Metadata> {
  const course = getCourse((await params).course)
  return pageMetadata({
    title: course.overview?.title ?? course.title,
    description: course.overview?.description ?? course.description,
    path: course.path,
    language: course.language,
    siteName: getSite().title,
  })
}

/** The course home: overview prose, learning path, contents and labs. */
export default async function CoursePage({ params }: CoursePageProps) {
  const course = getCourse((await params).course)
  const Overview = course.overview ? await loadPageComponent(course.overview.contentPath) : undefined
  const first = course.lectures[0]
  const hours = Math.round(course.totalMinutes / 60)
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10 sm:px-6" data-pagefind-body>
      <header className="mb-10">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">{course.overview?.title ?? course.title}</h1>
        <p className="mt-3 text-lg text-[var(--muted-fg)]">{course.description}</p>
        <p className="mt-4 flex flex-wrap gap-x-4 text-sm text-[var(--muted-fg)]" data-pagefind-ignore="all">
          <span>{`${course.lectures.length} ${course.unit}`}</span>
          {hours > 0 && <span>{`约 ${hours} 小时视频`}</span>}
          {course.level && <span>{course.level}</span>}
        </p>
        {first && (
          <Link href={first.path} className="button-primary no-print mt-6" data-start>
            {`从第 ${first.number} ${course.unit}开始`}
          </Link>
        )}
      </header>
      {Overview && (
        <div className="article prose dark:prose-invert max-w-none">
          <Overview />
        </div>
      )}
      <LearningPath course={course} />
      <CourseContents course={course} />
    </main>
  )
}

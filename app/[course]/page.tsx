import type { Metadata } from 'next'
import { CourseContents } from '@/components/course-contents'
import { RepositoryLinks } from '@/components/repository-links'
import { JsonLd } from '@/components/json-ld'
import { SaveCourse } from '@/components/pwa/save-course'
import { LearningPath } from '@/components/learning-path'
import { CourseProgress } from '@/components/progress/course-progress'
import { SidebarTicks } from '@/components/progress/sidebar-ticks'
import { StartButton } from '@/components/progress/start-button'
import { TaskListTicks } from '@/components/progress/task-list-ticks'
import { getCourse, getSite } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { loadPageComponent } from '@/lib/page-module'
import { absoluteUrl } from '@/lib/site-config'
import { progressLectures } from '@/lib/progress/course-outline'
import { SearchMeta } from '@/components/search-meta'

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
  const Overview = course.overview
    ? await loadPageComponent(course.overview.contentPath)
    : undefined
  const lectures = progressLectures(course)
  const hours = Math.round(course.totalMinutes / 60)
  return (
    <main id="main" className="mx-auto max-w-4xl px-4 py-10 sm:px-6" data-pagefind-body>
      <SearchMeta course={course} label="课程首页" />
      <header className="mb-8">
        <h1 className="text-3xl font-bold tracking-tight sm:text-4xl">
          {course.overview?.title ?? course.title}
        </h1>
        <p className="mt-3 text-lg text-[var(--muted-fg)]">{course.description}</p>
        <p
          className="mt-4 flex flex-wrap gap-x-4 text-sm text-[var(--muted-fg)]"
          data-pagefind-ignore="all"
        >
          <span>{`${course.lectures.length} ${course.unit}`}</span>
          {hours > 0 && <span>{`约 ${hours} 小时视频`}</span>}
          {course.level && <span>{course.level}</span>}
        </p>
        <StartButton course={course.slug} unit={course.unit} lectures={lectures} />
      </header>
      <SaveCourse course={course.slug} />
      {course.kind !== 'guide' && (
        <CourseProgress
          course={course.slug}
          unit={course.unit}
          lectures={lectures}
          stages={course.stages.map((stage) => ({
            title: stage.title,
            lectures: stage.lectures.map((lecture) => lecture.slug),
          }))}
        />
      )}
      {Overview && (
        <div className="article prose dark:prose-invert max-w-none">
          <Overview />
        </div>
      )}
      <LearningPath course={course} />
      <CourseContents course={course} />
      <SidebarTicks course={course.slug} order={course.lectures.map((lecture) => lecture.slug)} />
      <TaskListTicks course={course.slug} page="overview" />
      {course.overview && (
        <RepositoryLinks
          repository={course.repository}
          branch={course.branch}
          contentPath={course.overview.contentPath}
          title={`${course.title} · 课程首页`}
          url={absoluteUrl(course.path)}
        />
      )}
      <JsonLd
        data={{
          '@context': 'https://schema.org',
          '@type': 'Course',
          name: course.title,
          description: course.description,
          url: absoluteUrl(course.path),
          inLanguage: course.language,
          provider: { '@type': 'Organization', name: getSite().title },
          hasPart: course.lectures.map((lecture) => ({
            '@type': 'LearningResource',
            name: lecture.title,
            url: absoluteUrl(lecture.path),
            position: lecture.number,
          })),
        }}
      />
    </main>
  )
}

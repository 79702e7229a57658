import type { Metadata } from 'next'
import { ContentProblems } from '@/components/content-problems'
import { CoursePageFrame } from '@/components/course-page-frame'
import { CourseSidebar } from '@/components/course-sidebar'
import { SidebarScroll } from '@/components/sidebar-scroll'
import { LectureHeader } from '@/components/lecture-header'
import { LectureMeta } from '@/components/lecture-meta'
import { Pager } from '@/components/pager'
import { TableOfContents } from '@/components/table-of-contents'
import { TocSpy } from '@/components/toc-spy'
import { JsonLd } from '@/components/json-ld'
import { PagerKeys } from '@/components/pager-keys'
import { PrintExpander } from '@/components/print-expander'
import { MarkComplete } from '@/components/progress/mark-complete'
import { ReadingTracker } from '@/components/progress/reading-tracker'
import { SidebarTicks } from '@/components/progress/sidebar-ticks'
import { TaskListTicks } from '@/components/progress/task-list-ticks'
import { getCourse, getLecture, getSite, lastUpdated } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { loadPageComponent } from '@/lib/page-module'
import { absoluteUrl } from '@/lib/site-config'
import { SearchMeta } from '@/components/search-meta'

interface LecturePageProps {
  params: Promise<{ course: string; lecture: string }>
}

export const dynamicParams = false

export async function generateStaticParams({ params }: { params: { course: string } }) {
  return getCourse(params.course).lectures.map((lecture) => ({ lecture: lecture.slug }))
}

export async function generateMetadata({ params }: LecturePageProps): Promise<Metadata> {
  const { course: courseSlug, lecture: lectureSlug } = await params
  const course = getCourse(courseSlug)
  const lecture = getLecture(courseSlug, lectureSlug)
  return pageMetadata({
    title: `${lecture.title} · ${course.title}`,
    description: lecture.description,
    path: lecture.path,
    language: course.language,
    siteName: getSite().title,
    type: 'article',
  })
}

/** A lecture: sidebar, the article with its metadata, "on this page", previous/next. */
export default async function LecturePage({ params }: LecturePageProps) {
  const { course: courseSlug, lecture: lectureSlug } = await params
  const course = getCourse(courseSlug)
  const lecture = getLecture(courseSlug, lectureSlug)
  // Only under next dev: a lecture with mistakes shows them, and every other page stays up.
  const Content =
    lecture.problems.length > 0 ? undefined : await loadPageComponent(lecture.contentPath)
  const toc = (
    <TableOfContents
      headings={lecture.toc}
      exercises={lecture.exercises}
      lectureNumber={lecture.number}
    />
  )
  const updated = lastUpdated(lecture.file)
  const label = `第 ${lecture.number} ${course.unit}`

  return (
    <CoursePageFrame
      sidebar={<CourseSidebar course={course} current={lecture.slug} />}
      toc={toc}
      after={
        <>
          <TocSpy />
          <SidebarScroll menuId="course-menu" />
          {course.kind !== 'guide' && (
            <>
              <SidebarTicks
                course={course.slug}
                order={course.lectures.map((entry) => entry.slug)}
              />
              <ReadingTracker course={course.slug} lecture={lecture.slug} />
            </>
          )}
          <TaskListTicks course={course.slug} page={lecture.slug} />
          <PagerKeys previous={lecture.previous?.path} next={lecture.next?.path} />
          <PrintExpander />
          <JsonLd
            data={{
              '@context': 'https://schema.org',
              '@type': 'LearningResource',
              name: lecture.title,
              description: lecture.description,
              url: absoluteUrl(lecture.path),
              inLanguage: course.language,
              learningResourceType: 'lecture',
              position: lecture.number,
              ...(updated ? { dateModified: updated } : {}),
              ...(lecture.objectives.length > 0 ? { teaches: lecture.objectives } : {}),
              isPartOf: { '@type': 'Course', name: course.title, url: absoluteUrl(course.path) },
            }}
          />
        </>
      }
    >
      <article
        className="mx-auto max-w-[46rem]"
        data-pagefind-body
        data-lecture-page={lecture.slug}
      >
        <SearchMeta course={course} label={label} />
        <p className="print-only text-sm" data-pagefind-ignore>
          {absoluteUrl(lecture.path)}
        </p>
        <LectureHeader course={course} lecture={lecture} />
        <LectureMeta course={course} lecture={lecture} updated={updated} />
        <details className="mobile-toc no-print xl:hidden">
          <summary>本页内容</summary>
          {toc}
        </details>
        <div className="article prose dark:prose-invert max-w-none">
          {Content ? <Content /> : <ContentProblems problems={lecture.problems} />}
        </div>
      </article>
      <div className="mx-auto max-w-[46rem]">
        {/* A guide (the handbook) is reference, not a course to complete: no progress. */}
        {course.kind !== 'guide' && (
          <MarkComplete
            course={course.slug}
            lecture={lecture.slug}
            variant="end"
            nextTitle={lecture.next?.title}
          />
        )}
        <Pager course={course} previous={lecture.previous} next={lecture.next} />
      </div>
    </CoursePageFrame>
  )
}

import type { Metadata } from 'next'
import { CourseSidebar } from '@/components/course-sidebar'
import { LectureHeader } from '@/components/lecture-header'
import { LectureMeta } from '@/components/lecture-meta'
import { MenuIcon } from '@/components/icons'
import { MenuToggle } from '@/components/menu-toggle'
import { Pager } from '@/components/pager'
import { TableOfContents } from '@/components/table-of-contents'
import { TocSpy } from '@/components/toc-spy'
import { getCourse, getLecture, getSite } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { loadPageComponent } from '@/lib/page-module'

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
  const Content = await loadPageComponent(lecture.contentPath)
  const toc = <TableOfContents headings={lecture.toc} exercises={lecture.exercises} lectureNumber={lecture.number} />

  return (
    <div className="mx-auto flex max-w-[90rem] gap-8 px-4 sm:px-6 lg:gap-10">
      <div className="mobile-bar no-print lg:hidden">
        <MenuToggle controls="course-menu">
          <MenuIcon width={18} height={18} />
          课程目录
        </MenuToggle>
      </div>
      <aside id="course-menu" className="course-menu no-print" aria-label="课程导航">
        <CourseSidebar course={course} current={lecture.slug} />
      </aside>

      <main id="main" className="min-w-0 flex-1 py-8 lg:py-10">
        <article className="mx-auto max-w-[46rem]" data-pagefind-body data-lecture={lecture.slug}>
          <LectureHeader course={course} lecture={lecture} />
          <LectureMeta course={course} lecture={lecture} />
          <details className="mobile-toc no-print xl:hidden">
            <summary>本页内容</summary>
            {toc}
          </details>
          <div className="article prose dark:prose-invert max-w-none">
            <Content />
          </div>
        </article>
        <div className="mx-auto max-w-[46rem]">
          <Pager course={course} previous={lecture.previous} next={lecture.next} />
        </div>
      </main>

      <aside className="toc-column no-print hidden xl:block" aria-label="本页导航">
        <div className="sticky top-[calc(var(--header-height)+2rem)] max-h-[calc(100vh-var(--header-height)-4rem)] overflow-y-auto">
          {toc}
        </div>
      </aside>
      <TocSpy />
    </div>
  )
}

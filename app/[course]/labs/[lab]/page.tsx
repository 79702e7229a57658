import type { Metadata } from 'next'
import Link from 'next/link'
import { CoursePageFrame } from '@/components/course-page-frame'
import { CourseSidebar } from '@/components/course-sidebar'
import { JsonLd } from '@/components/json-ld'
import { LabParts } from '@/components/lab-parts'
import { PageHeader } from '@/components/page-header'
import { PrintExpander } from '@/components/print-expander'
import { TableOfContents } from '@/components/table-of-contents'
import { TocSpy } from '@/components/toc-spy'
import { TaskListTicks } from '@/components/progress/task-list-ticks'
import { getCourse, getLab, getSite } from '@/lib/content'
import { pageMetadata } from '@/lib/metadata'
import { loadPageComponent } from '@/lib/page-module'
import { absoluteUrl, withBasePath } from '@/lib/site-config'
import { labsPath } from '@/lib/urls'
import { SearchMeta } from '@/components/search-meta'

interface LabPageProps {
  params: Promise<{ course: string; lab: string }>
}

export const dynamicParams = false

/**
 * Every lab of the site, each with its course. With `output: export`, Next calls this once per
 * course and fails on an empty list, so it does not filter by the course it is given: the
 * course in each entry wins, and duplicates are merged.
 */
export async function generateStaticParams() {
  return getSite().courses.flatMap((course) =>
    course.labs.map((lab) => ({ course: course.slug, lab: lab.id })),
  )
}

export async function generateMetadata({ params }: LabPageProps): Promise<Metadata> {
  const { course: courseSlug, lab: labId } = await params
  const course = getCourse(courseSlug)
  const lab = getLab(courseSlug, labId)
  return pageMetadata({
    title: `${lab.title} · ${course.title}`,
    description: lab.description,
    path: lab.path,
    language: course.language,
    siteName: getSite().title,
    type: 'article',
  })
}

/** A lab handout: sidebar, the parts with their test commands, the kit download, the handout itself. */
export default async function LabPage({ params }: LabPageProps) {
  const { course: courseSlug, lab: labId } = await params
  const course = getCourse(courseSlug)
  const lab = getLab(courseSlug, labId)
  const Content = await loadPageComponent(lab.contentPath)
  const toc = <TableOfContents headings={lab.toc} exercises={lab.exercises} />
  return (
    <CoursePageFrame
      sidebar={<CourseSidebar course={course} currentLab={lab.id} />}
      toc={toc}
      after={
        <>
          <TocSpy />
          <TaskListTicks course={course.slug} page={`labs/${lab.id}`} />
          <PrintExpander />
          <JsonLd
            data={{
              '@context': 'https://schema.org',
              '@type': 'LearningResource',
              name: lab.title,
              description: lab.description,
              url: absoluteUrl(lab.path),
              inLanguage: course.language,
              learningResourceType: 'lab',
              timeRequired: `PT${lab.hours}H`,
              isPartOf: { '@type': 'Course', name: course.title, url: absoluteUrl(course.path) },
            }}
          />
        </>
      }
    >
      <article className="mx-auto max-w-[46rem]" data-pagefind-body data-lab-page={lab.id}>
        <SearchMeta course={course} label="实践项目" />
        <p className="print-only text-sm">{absoluteUrl(lab.path)}</p>
        <PageHeader
          kicker={
            <Link href={labsPath(course.slug)} prefetch={false} className="hover:underline">
              实践项目
            </Link>
          }
          title={lab.title}
          description={lab.description}
        />
        <section
          aria-label="实验信息"
          className="lecture-meta not-prose mb-8"
          data-pagefind-ignore="all"
        >
          <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
            <div className="flex gap-1.5">
              <dt className="text-[var(--muted-fg)]">预计</dt>
              <dd className="font-medium">{`约 ${lab.hours} 小时`}</dd>
            </div>
            {lab.lectures.length > 0 && (
              <div className="flex flex-wrap gap-1.5">
                <dt className="text-[var(--muted-fg)]">配合</dt>
                {lab.lectures.map((lecture) => (
                  <dd key={lecture.slug}>
                    <Link
                      href={lecture.path}
                      prefetch={false}
                      className="font-medium underline underline-offset-2"
                    >
                      {`第 ${lecture.number} ${course.unit} ${lecture.title}`}
                    </Link>
                  </dd>
                ))}
              </div>
            )}
          </dl>
          {lab.kit && (
            <a
              href={withBasePath(lab.kit.archivePath)}
              download
              className="button-primary no-print mt-5"
              data-kit-download
            >
              {`下载起始代码（${lab.kit.archiveName}）`}
            </a>
          )}
        </section>
        <LabParts course={course.slug} lab={lab} />
        <details className="mobile-toc no-print xl:hidden">
          <summary>本页内容</summary>
          {toc}
        </details>
        <div className="article prose dark:prose-invert max-w-none">
          <Content />
        </div>
      </article>
    </CoursePageFrame>
  )
}

import type { ReactNode } from 'react'
import { DocumentShell } from '@/components/document-shell'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { getCourse, getSite } from '@/lib/content'
import '../globals.css'

export const dynamicParams = false

export function generateStaticParams() {
  return getSite().courses.map((course) => ({ course: course.slug }))
}

/** Root layout of a course's pages: `<html lang>` is the course's language. */
export default async function CourseLayout({
  children,
  params,
}: {
  children: ReactNode
  params: Promise<{ course: string }>
}) {
  const site = getSite()
  const course = getCourse((await params).course)
  return (
    <DocumentShell lang={course.language}>
      <SiteHeader
        siteTitle={site.title}
        course={{ title: course.title, path: course.path }}
        repository={course.repository}
      />
      {children}
      <SiteFooter siteTitle={site.title} />
    </DocumentShell>
  )
}

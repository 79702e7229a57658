import type { Metadata } from 'next'
import Link from 'next/link'
import { DocumentShell } from '@/components/document-shell'
import { SiteHeader } from '@/components/site-header'
import { getSite } from '@/lib/content'
import './globals.css'

export const metadata: Metadata = {
  title: '找不到这个页面',
  robots: { index: false },
}

/** The 404 page (out/404.html), for any URL the site does not have. */
export default function GlobalNotFound() {
  const site = getSite()
  return (
    <DocumentShell lang={site.language}>
      <SiteHeader siteTitle={site.title} />
      <main id="main" className="mx-auto max-w-3xl px-4 py-16 sm:px-6">
        <p className="text-sm font-semibold text-[var(--color-accent-600)] dark:text-[var(--color-accent-300)]">
          404
        </p>
        <h1 className="mt-2 text-3xl font-bold">找不到这个页面</h1>
        <p className="mt-3 text-[var(--muted-fg)]">
          链接可能已经过期，或者地址输错了。可以从这些课程重新开始：
        </p>
        <ul className="mt-6 grid gap-3">
          {site.courses.map((course) => (
            <li key={course.slug}>
              <Link
                prefetch={false}
                href={course.path}
                className="font-medium underline underline-offset-2"
              >
                {course.title}
              </Link>
              <span className="text-[var(--muted-fg)]">{` · ${course.description}`}</span>
            </li>
          ))}
        </ul>
        <p className="mt-8">
          <Link prefetch={false} href="/" className="button-primary">
            回到课程目录
          </Link>
        </p>
      </main>
    </DocumentShell>
  )
}

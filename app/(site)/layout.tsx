import type { ReactNode } from 'react'
import { DocumentShell } from '@/components/document-shell'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { getSite } from '@/lib/content'
import '../globals.css'

/** Root layout of the catalog: the site's own language. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  const site = getSite()
  return (
    <DocumentShell lang={site.language}>
      <SiteHeader siteTitle={site.title} repository={site.repository} />
      <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
        {children}
      </main>
      <SiteFooter siteTitle={site.title} />
    </DocumentShell>
  )
}

import type { ReactNode } from 'react'
import { SiteFooter } from '@/components/site-footer'
import { SiteHeader } from '@/components/site-header'
import { ThemeScript } from '@/components/theme-script'
import { getSite } from '@/lib/content'
import '../globals.css'

/** Root layout of the catalog: the site's own language. */
export default function SiteLayout({ children }: { children: ReactNode }) {
  const site = getSite()
  return (
    <html lang={site.language} suppressHydrationWarning>
      <head>
        <ThemeScript />
      </head>
      <body>
        <SiteHeader siteTitle={site.title} />
        <main id="main" className="mx-auto max-w-5xl px-4 py-10 sm:px-6">
          {children}
        </main>
        <SiteFooter siteTitle={site.title} />
      </body>
    </html>
  )
}

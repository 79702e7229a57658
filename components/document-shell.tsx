import type { ReactNode } from 'react'
import { THEME_COLORS } from '@/lib/pwa/theme-colors'
import { PrintTheme } from './print-theme'
import { ServiceWorkerUpdate } from './pwa/service-worker-update'
import { ThemeScript } from './theme-script'

/**
 * The `<html>` of every root layout: its language, the theme applied before first paint (the
 * class it sets is why React must not warn about `<html>`'s attributes) which steps aside in
 * print, both themes' colours for the browser's chrome, and the service worker's update offer.
 */
export function DocumentShell({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <html lang={lang} suppressHydrationWarning>
      {/* eslint-disable-next-line @next/next/no-head-element -- a root layout's own <head>; next/head belongs to the pages router */}
      <head>
        <ThemeScript />
        <meta
          name="theme-color"
          media="(prefers-color-scheme: light)"
          content={THEME_COLORS.light}
        />
        <meta name="theme-color" media="(prefers-color-scheme: dark)" content={THEME_COLORS.dark} />
      </head>
      <body>
        <PrintTheme />
        {children}
        <ServiceWorkerUpdate />
      </body>
    </html>
  )
}

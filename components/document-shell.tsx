import type { ReactNode } from 'react'
import { PrintTheme } from './print-theme'
import { ThemeScript } from './theme-script'

/**
 * The `<html>` of every root layout: its language, and the theme applied before first paint
 * (the class it sets is why React must not warn about `<html>`'s attributes), which steps aside
 * in print.
 */
export function DocumentShell({ lang, children }: { lang: string; children: ReactNode }) {
  return (
    <html lang={lang} suppressHydrationWarning>
      {/* eslint-disable-next-line @next/next/no-head-element -- a root layout's own <head>; next/head belongs to the pages router */}
      <head>
        <ThemeScript />
      </head>
      <body>
        <PrintTheme />
        {children}
      </body>
    </html>
  )
}

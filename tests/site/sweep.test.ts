import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'
import { checkPage } from '../helpers/page-checks.ts'

/**
 * The site-wide sweep: every page listed in the sitemap (so new lectures are covered without
 * editing tests), in light and dark theme, at 1280 px and 390 px: zero axe violations, no
 * console errors or warnings, no failed or third-party requests, every diagram an SVG (or its
 * declared error box), every formula rendered, no horizontal overflow.
 */
const siteUrl = inject('siteUrl')
const outDir = inject('outDir')
const origin = new URL(siteUrl).origin
const sitemap = fs.readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8')
const pagePaths = [...sitemap.matchAll(/<loc>([^<]+)<\/loc>/g)].map(
  (match) => new URL(match[1]!).pathname,
)
const combinations = [
  { theme: 'light', width: 1280 },
  { theme: 'dark', width: 1280 },
  { theme: 'light', width: 390 },
  { theme: 'dark', width: 390 },
] as const

describe.skipIf(skipBrowser)('every page in a real browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('finds the pages in the sitemap', () => {
    expect(pagePaths.length).toBeGreaterThan(3)
  })

  for (const combination of combinations) {
    it(`${combination.theme} theme, ${combination.width} px`, { timeout: 1_800_000 }, async () => {
      const context = await newContext(browser, combination)
      const failures: string[] = []
      // Two pages at a time: the machine has two cores.
      const queue = [...pagePaths]
      const worker = async () => {
        for (let pagePath = queue.shift(); pagePath !== undefined; pagePath = queue.shift()) {
          const report = await checkPage(context, `${origin}${pagePath}`, { origin })
          for (const problem of report.problems)
            failures.push(`${pagePath} [${combination.theme}, ${combination.width}px]: ${problem}`)
        }
      }
      await Promise.all([worker(), worker()])
      await context.close()
      expect(failures).toEqual([])
    })
  }
})

import fs from 'node:fs'
import path from 'node:path'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'
import { checkPage } from '../helpers/page-checks.ts'
import { searchIndexText } from '../helpers/search-checks.ts'

/**
 * The site-wide sweep: every page listed in the sitemap (so new lectures are covered without
 * editing tests), in light and dark theme at 1280 px and in light theme at 390 px (dark on a
 * phone: one page of each kind): zero axe violations (on a phone, axe runs on one page of each
 * kind; see below), no Content-Security-Policy violation, no console errors or warnings, no
 * failed or third-party requests, every diagram an SVG (or its declared error box), every
 * formula rendered, no horizontal overflow; and what a person sees
 * (tests/helpers/reader-checks.ts): diagram text large enough to read, no label cut off, no raw
 * Markdown, whole words in table cells, text that prints on white, a modal mobile menu. The
 * search index is checked for text a reader should never see, and one page of each kind is
 * photographed on a phone and a desktop for review.
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
/** One page of each kind: photographed for review, and checked by axe on a phone too. */
const kinds = {
  catalog: '/',
  'course-home': '/distributed-systems/',
  lecture: '/distributed-systems/lecture-01/',
  lab: '/distributed-systems/labs/lab-3/',
  handbook: '/handbook/diagrams/',
}
/** The URL of a site path (the catalog's is the base path with its slash). */
const siteUrlOf = (sitePath: string) => `${siteUrl}${sitePath}`.replace(/\/\/$/, '/')
const samplePaths = new Set(Object.values(kinds).map((kind) => new URL(siteUrlOf(kind)).pathname))

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
    expect(pagePaths).toEqual(expect.arrayContaining([...samplePaths]))
  })

  for (const combination of combinations) {
    it(`${combination.theme} theme, ${combination.width} px`, { timeout: 1_800_000 }, async () => {
      const context = await newContext(browser, combination)
      const failures: string[] = []
      // Three pages at a time: on two cores a page check spends much of its time waiting (loads,
      // frames while scrolling, the network going idle), so a third keeps both cores busy.
      // A phone in the dark theme adds nothing on most pages: their colours are checked in the
      // dark theme at 1280 px (axe, print) and their layout on a phone in the light theme. What only
      // a dark phone shows (the phone's own bars and menu in dark colours) is checked on one page
      // of each kind, with every check.
      const darkPhone = combination.theme === 'dark' && combination.width === 390
      const queue = darkPhone ? [...samplePaths] : [...pagePaths]
      const worker = async () => {
        for (let pagePath = queue.shift(); pagePath !== undefined; pagePath = queue.shift()) {
          // axe on every page in both themes at desktop width; on a phone, the reader checks on
          // every page and axe on one page of each kind (its rules see the phone-only bars and
          // menus there; colours and markup are the same as on the desktop). Axe is most of the
          // sweep's time.
          const axe = combination.width === 1280 || samplePaths.has(pagePath)
          const report = await checkPage(context, `${origin}${pagePath}`, { origin, axe })
          for (const problem of report.problems)
            failures.push(`${pagePath} [${combination.theme}, ${combination.width}px]: ${problem}`)
        }
      }
      await Promise.all([worker(), worker(), worker()])
      await context.close()
      expect(failures).toEqual([])
    })
  }

  it('search titles and excerpts show no hidden anchor text, raw Markdown or doubled formulas', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${siteUrl}/`)
    const problems = await searchIndexText(page, new URL(siteUrl).pathname)
    await context.close()
    expect(problems).toEqual([])
  })

  it('photographs one page of each kind on a phone and a desktop, for review', async () => {
    const folder = path.resolve('test-results/screenshots')
    fs.mkdirSync(folder, { recursive: true })
    const written: string[] = []
    for (const theme of ['light', 'dark'] as const) {
      for (const [device, width] of [
        ['phone', 390],
        ['desktop', 1280],
      ] as const) {
        const context = await newContext(browser, { theme, width })
        for (const [kind, pagePath] of Object.entries(kinds)) {
          const page = await context.newPage()
          await page.goto(siteUrlOf(pagePath), { waitUntil: 'load' })
          const file = path.join(folder, `${kind}-${device}-${theme}.png`)
          await page.screenshot({ path: file })
          written.push(file)
          await page.close()
        }
        await context.close()
      }
    }
    console.log(`Screenshots for review (${written.length}): ${folder}`)
    for (const file of written) expect(fs.statSync(file).size).toBeGreaterThan(10_000)
  })
})

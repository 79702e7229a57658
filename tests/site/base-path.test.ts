import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, searchReady, skipBrowser } from '../helpers/browser.ts'
import { TEST_BASE_PATH } from './global-setup.ts'

/**
 * A reader walks the site as deployed to a GitHub Pages project site (served under
 * /course-site): catalog, course home, lectures, previous/next, links written as relative
 * file paths, images, KaTeX fonts, a diagram, search and the 404 page. Not one request may go
 * to a path outside the prefix.
 */
const siteUrl = inject('siteUrl')
const origin = new URL(siteUrl).origin

describe.skipIf(skipBrowser)(`the site under the base path ${TEST_BASE_PATH}`, () => {
  let browser: Browser
  let page: Page
  const requests: string[] = []
  const failures: string[] = []

  beforeAll(async () => {
    browser = await launchBrowser()
    const context = await newContext(browser)
    page = await context.newPage()
    page.on('request', (request) => requests.push(request.url()))
    page.on('response', (response) => {
      if (
        response.status() >= 400 &&
        !/\/no-such-page\/$|^[^/]+\/\/[^/]+\/distributed-systems\/$/.test(response.url())
      )
        failures.push(`${response.status()} ${response.url()}`)
    })
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('is served at the prefix, and only there', async () => {
    expect(siteUrl.endsWith(TEST_BASE_PATH)).toBe(true)
    const response = await page.goto(`${origin}/distributed-systems/`)
    expect(response?.status()).toBe(404)
  })

  it('walks catalog → course → lecture → next → a relative link → back', async () => {
    await page.goto(`${siteUrl}/`)
    await page.locator('[data-course="distributed-systems"] h3 a').click()
    await page.waitForURL(`${siteUrl}/distributed-systems/`)
    await page.locator('[data-start]').click()
    await page.waitForURL(`${siteUrl}/distributed-systems/lecture-01/`)
    await page.locator('[data-pager="next"]').click()
    await page.waitForURL(`${siteUrl}/distributed-systems/lecture-02/`)
    // Lecture 2 links back to lecture 1 as a relative file path in its source (./lecture-01.mdx).
    const relative = page.locator('.article a[href*="/distributed-systems/lecture-01/"]').first()
    expect(await relative.getAttribute('href')).toMatch(
      new RegExp(`^${TEST_BASE_PATH}/distributed-systems/lecture-01/`),
    )
    await relative.click()
    await page.waitForURL(new RegExp(`${TEST_BASE_PATH}/distributed-systems/lecture-01/`))
    await page.locator('[data-pager="previous"], [data-pager="next"]').first().click()
    await page.waitForLoadState('load')
  })

  it('loads images, KaTeX fonts and diagrams from under the prefix', async () => {
    await page.goto(`${siteUrl}/handbook/callouts-papers-figures/`, { waitUntil: 'networkidle' })
    const image = page.locator('.figure img').first()
    await image.scrollIntoViewIfNeeded()
    await expect
      .poll(() => image.evaluate((element) => (element as HTMLImageElement).naturalWidth))
      .toBeGreaterThan(0)

    await page.goto(`${siteUrl}/handbook/links-and-math/`, { waitUntil: 'networkidle' })
    // A formula far down the page is not rendered, nor its font fetched, until it nears the view.
    await page.locator('.katex').first().scrollIntoViewIfNeeded()
    await expect
      .poll(() =>
        page.evaluate(() =>
          [...document.fonts].some(
            (font) => font.family.includes('KaTeX') && font.status === 'loaded',
          ),
        ),
      )
      .toBe(true)

    await page.goto(`${siteUrl}/handbook/diagrams/`)
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
        window.scrollTo(0, y)
        await new Promise((resolve) => setTimeout(resolve, 40))
      }
    })
    await expect
      .poll(() => page.locator('[data-mermaid="client"]:not([data-broken]) svg').count())
      .toBeGreaterThan(0)
    expect(await page.locator('[data-mermaid="static"] svg').count()).toBeGreaterThan(0)
  })

  it('searches from under the prefix', async () => {
    await page.goto(`${siteUrl}/distributed-systems/lecture-03/`)
    await searchReady(page)
    await page.keyboard.press('/')
    await page.locator('[data-search-input]').fill('领导者选举')
    const first = page.locator('[data-search-hit]').first()
    await first.waitFor()
    expect(await first.getAttribute('data-search-hit')).toMatch(
      new RegExp(`^${TEST_BASE_PATH}/distributed-systems/lecture-05/`),
    )
    await page.keyboard.press('Enter')
    await page.waitForURL(new RegExp(`${TEST_BASE_PATH}/distributed-systems/lecture-05/`))
  })

  it('answers an unknown URL with the 404 page, whose links carry the prefix', async () => {
    const response = await page.goto(`${siteUrl}/no-such-page/`)
    expect(response?.status()).toBe(404)
    expect(await page.locator('h1').textContent()).toContain('找不到这个页面')
    await page.getByRole('link', { name: '回到课程目录' }).click()
    await page.waitForURL(`${siteUrl}/`)
  })

  it('never requested a path outside the prefix, and nothing failed', () => {
    const own = requests.filter((url) => url.startsWith(origin))
    expect(own.length).toBeGreaterThan(20)
    const outside = own.filter(
      (url) =>
        !new URL(url).pathname.startsWith(`${TEST_BASE_PATH}/`) &&
        new URL(url).pathname !== '/distributed-systems/',
    )
    expect(outside).toEqual([])
    expect(requests.filter((url) => !url.startsWith(origin) && !url.startsWith('data:'))).toEqual(
      [],
    )
    expect(failures).toEqual([])
  })
})

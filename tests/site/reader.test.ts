import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import { PROGRESS_KEY } from '@/lib/progress/store.ts'
import { launchBrowser, newContext, searchReady, skipBrowser } from '../helpers/browser.ts'

/** The reader's side: search, progress, small screens, print, keyboard. */
const siteUrl = inject('siteUrl')
const lecture = (course: string, slug: string) => `${siteUrl}/${course}/${slug}/`

/** Queries a reader types, and the lecture that must come first. */
const SEARCHES: { query: string; first: string }[] = [
  { query: '领导者选举', first: '/distributed-systems/lecture-05/' },
  { query: '选举', first: '/distributed-systems/lecture-05/' },
  { query: '线性一致性', first: '/distributed-systems/lecture-04/' },
  { query: 'Raft 日志', first: '/distributed-systems/lecture-07/' },
  { query: 'linearizability', first: '/distributed-systems/lecture-04/' },
  { query: '两阶段提交', first: '/distributed-systems/lecture-10/' },
  { query: 'raft', first: '/distributed-systems/lecture-05/' },
]

async function openSearch(page: Page, how: 'slash' | 'ctrl-k' | 'click') {
  await searchReady(page)
  if (how === 'slash') await page.keyboard.press('/')
  else if (how === 'ctrl-k') await page.keyboard.press('Control+k')
  else await page.locator('[data-search-open]').click()
  await page.locator('[data-search-input]').waitFor({ state: 'visible' })
}

async function search(page: Page, query: string): Promise<string[]> {
  const input = page.locator('[data-search-input]')
  await input.fill(query)
  await page.waitForFunction((text) => {
    const list = document.querySelector('[data-search-results]')
    return (
      list !== null &&
      list.children.length > 0 &&
      (document.querySelector('[data-search-input]') as HTMLInputElement).value === text
    )
  }, query)
  await page.waitForTimeout(300)
  return page
    .locator('[data-search-hit]')
    .evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-search-hit') ?? ''))
}

describe.skipIf(skipBrowser)('reading the course', () => {
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  describe('search', () => {
    beforeAll(async () => {
      context = await newContext(browser)
    })
    afterAll(async () => context?.close())

    it('opens with /, Ctrl+K and the button, traps focus, closes with Esc', async () => {
      const page = await context.newPage()
      await page.goto(lecture('distributed-systems', 'lecture-01'))
      for (const how of ['slash', 'ctrl-k', 'click'] as const) {
        await openSearch(page, how)
        expect(
          await page.evaluate(() => document.activeElement?.hasAttribute('data-search-input')),
        ).toBe(true)
        for (let i = 0; i < 6; i++) await page.keyboard.press('Tab')
        expect(await page.evaluate(() => !!document.activeElement?.closest('dialog'))).toBe(true)
        await page.keyboard.press('Escape')
        await expect
          .poll(() =>
            page
              .locator('dialog.search-dialog')
              .evaluate((dialog) => (dialog as HTMLDialogElement).open),
          )
          .toBe(false)
      }
      await page.close()
    })

    for (const { query, first } of SEARCHES) {
      it(`finds "${query}" with the right lecture first`, async () => {
        const page = await context.newPage()
        await page.goto(`${siteUrl}/`)
        await openSearch(page, 'slash')
        const hits = await search(page, query)
        expect(new URL(hits[0]!, siteUrl).pathname, `results: ${hits.join(', ')}`).toBe(
          `${new URL(siteUrl).pathname}${first}`.replace('//', '/'),
        )
        await page.close()
      })
    }

    it('shows course, lecture number, section and a highlighted excerpt; arrow keys and Enter open a result', async () => {
      const page = await context.newPage()
      await page.goto(lecture('distributed-systems', 'lecture-02'))
      await openSearch(page, 'slash')
      await search(page, '领导者选举')
      const first = page.locator('[data-search-hit]').first()
      expect(await first.locator('.search-hit-meta').textContent()).toMatch(
        /分布式系统设计 · 第 5 讲/,
      )
      expect(await first.locator('.search-hit-excerpt mark').count()).toBeGreaterThan(0)
      await page.keyboard.press('ArrowDown')
      expect(await page.locator('[data-search-hit]').nth(1).getAttribute('aria-selected')).toBe(
        'true',
      )
      await page.keyboard.press('ArrowUp')
      await page.keyboard.press('Enter')
      await page.waitForURL(/lecture-05/)
      await page.close()
    })

    it('lands on the sections written on 一致性哈希, the lecture titled with it first', async () => {
      const page = await context.newPage()
      await page.goto(`${siteUrl}/`)
      await openSearch(page, 'slash')
      const hits = (await search(page, '一致性哈希')).map((hit) => decodeURIComponent(hit))
      expect(hits[0]).toContain('/distributed-systems/lecture-18/#')
      for (const written of ['lecture-18', 'week-04', 'week-01'])
        expect(hits.find((hit) => hit.includes(`/${written}/`))).toMatch(/#[^#]*一致性哈希/)
      await page.close()
    })

    it('gives results as real links, and keeps the handbook out unless a reader is in it', async () => {
      const page = await context.newPage()
      await page.goto(lecture('distributed-systems', 'lecture-01'))
      await openSearch(page, 'slash')
      const hits = await search(page, 'MapReduce')
      expect(hits.some((hit) => hit.includes('/handbook/'))).toBe(false)
      const first = page.locator('[data-search-hit]').first()
      expect(await first.evaluate((hit) => hit.tagName)).toBe('A')
      expect(await first.getAttribute('href')).toBe(await first.getAttribute('data-search-hit'))
      await page.goto(`${siteUrl}/handbook/frontmatter/`)
      await openSearch(page, 'slash')
      expect((await search(page, 'MapReduce')).some((hit) => hit.includes('/handbook/'))).toBe(true)
      await page.close()
    })

    it('filters by course', async () => {
      const page = await context.newPage()
      await page.goto(`${siteUrl}/`)
      await openSearch(page, 'slash')
      await page.locator('.search-filter').selectOption({ label: '系统设计深度学习课程' })
      const hits = await search(page, 'Raft')
      expect(hits.length).toBeGreaterThan(0)
      for (const hit of hits) expect(hit).toContain('/system-design/')
      await page.close()
    })
  })

  describe('progress', () => {
    it('marks a lecture complete, ticks it, shows it on the course home, and survives a reload', async () => {
      const fresh = await newContext(browser)
      const page = await fresh.newPage()
      await page.goto(`${siteUrl}/distributed-systems/`)
      expect(await page.locator('[data-start]').textContent()).toBe('从第 1 讲开始')
      await page.goto(lecture('distributed-systems', 'lecture-03'))
      await page.locator('[data-complete-toggle]').click()
      await expect
        .poll(() => page.locator('[data-complete-toggle]').getAttribute('aria-pressed'))
        .toBe('true')
      await expect
        .poll(() =>
          page.locator('.course-menu [data-lecture="lecture-03"]').getAttribute('data-complete'),
        )
        .toBe('')
      await page.reload()
      await expect
        .poll(() => page.locator('[data-complete-toggle]').getAttribute('aria-pressed'))
        .toBe('true')

      await page.goto(`${siteUrl}/distributed-systems/`)
      await expect
        .poll(() => page.locator('[data-progress-count]').textContent())
        .toContain('已完成 1 / 23')
      expect(await page.locator('[data-continue] a').getAttribute('href')).toContain(
        '/distributed-systems/lecture-03/',
      )
      await expect.poll(() => page.locator('[data-start]').textContent()).toBe('继续第 3 讲')
      expect(await page.locator('[data-start]').getAttribute('href')).toContain(
        '/distributed-systems/lecture-03/',
      )
      await expect
        .poll(() =>
          page.locator('.course-contents [data-lecture="lecture-01"]').getAttribute('data-next'),
        )
        .toBe('')
      // One list of lectures on the course home: the learning path names ranges, not lectures.
      expect(await page.locator('main [data-lecture="lecture-05"]').count()).toBe(1)
      expect(await page.locator('.learning-path .stage-range').first().textContent()).toBe(
        '第 1–7 讲',
      )
      await page.goto(`${siteUrl}/`)
      await expect
        .poll(() =>
          page.locator('[data-course="distributed-systems"] [data-progress-count]').textContent(),
        )
        .toContain('1 / 23')
      await fresh.close()
    })

    it('exports, resets (this course only) and imports progress', async () => {
      const fresh = await newContext(browser)
      const page = await fresh.newPage()
      await page.goto(lecture('system-design', 'week-01'))
      await page.locator('[data-complete-toggle]').click()
      await page.goto(lecture('distributed-systems', 'lecture-02'))
      await page.locator('[data-complete-toggle]').click()
      await page.goto(`${siteUrl}/distributed-systems/`)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.getByRole('button', { name: '导出进度' }).click(),
      ])
      const file = path.join(fs.mkdtempSync(path.join(os.tmpdir(), 'progress-')), 'progress.json')
      await download.saveAs(file)
      expect(
        JSON.parse(fs.readFileSync(file, 'utf8')).courses['distributed-systems'].completed,
      ).toHaveProperty('lecture-02')

      page.once('dialog', (dialog) => void dialog.accept())
      await page.getByRole('button', { name: '清除进度' }).click()
      await expect
        .poll(() => page.locator('[data-progress-count]').textContent())
        .toContain('已完成 0 / 23')
      await page.goto(`${siteUrl}/system-design/`)
      await expect
        .poll(() => page.locator('[data-progress-count]').textContent())
        .toMatch(/已完成 1 \//)
      await page.goto(`${siteUrl}/distributed-systems/`)
      await page.locator('[data-progress-import]').setInputFiles(file)
      await expect
        .poll(() => page.locator('[data-progress-count]').textContent())
        .toContain('已完成 1 / 23')
      await fresh.close()
    })

    it('ignores corrupt stored progress with a warning instead of crashing', async () => {
      const fresh = await newContext(browser)
      await fresh.addInitScript((key) => localStorage.setItem(key, '{not json'), PROGRESS_KEY)
      const page = await fresh.newPage()
      const warnings: string[] = []
      const errors: string[] = []
      page.on('console', (message) =>
        (message.type() === 'warning' ? warnings : message.type() === 'error' ? errors : []).push(
          message.text(),
        ),
      )
      page.on('pageerror', (error) => errors.push(error.message))
      await page.goto(`${siteUrl}/distributed-systems/`)
      await expect.poll(() => warnings.some((warning) => warning.includes('[progress]'))).toBe(true)
      expect(await page.locator('[data-progress-count]').textContent()).toContain('已完成 0 / 23')
      expect(errors).toEqual([])
      await fresh.close()
    })

    it('keeps ticks of a study checklist across reloads', async () => {
      const course = getSite({ includeDrafts: false }).courses.find(
        (candidate) => candidate.slug === 'system-design',
      )!
      const fresh = await newContext(browser)
      const page = await fresh.newPage()
      await page.goto(lecture('system-design', course.lectures[0]!.slug))
      const box = page.locator('.article li.task-list-item input[type="checkbox"]').first()
      await expect.poll(() => box.isEnabled()).toBe(true)
      await box.check()
      await page.reload()
      await expect
        .poll(() =>
          page.locator('.article li.task-list-item input[type="checkbox"]').first().isChecked(),
        )
        .toBe(true)
      await fresh.close()
    })
  })

  it('goes to the next lecture with ] and never while typing', async () => {
    const fresh = await newContext(browser)
    const page = await fresh.newPage()
    await page.goto(lecture('distributed-systems', 'lecture-04'))
    await openSearch(page, 'click')
    await page.keyboard.type(']')
    expect(page.url()).toContain('lecture-04')
    await page.keyboard.press('Escape')
    await page.keyboard.press(']')
    await page.waitForURL(/lecture-05/)
    await fresh.close()
  })

  it('scrolls the course menu to the current lecture, on a laptop and in the phone menu', async () => {
    const inView = (page: Page) =>
      page.evaluate(() => {
        const menu = document.getElementById('course-menu')!.getBoundingClientRect()
        const link = document
          .querySelector('#course-menu [aria-current="page"]')!
          .getBoundingClientRect()
        return link.height > 0 && link.top >= menu.top && link.bottom <= menu.bottom
      })
    const laptop = await newContext(browser, { width: 1280 })
    let page = await laptop.newPage()
    await page.goto(lecture('distributed-systems', 'lecture-23'))
    await expect.poll(() => inView(page)).toBe(true)
    expect(await page.evaluate(() => window.scrollY)).toBe(0)
    await laptop.close()

    const phone = await newContext(browser, { width: 390 })
    page = await phone.newPage()
    await page.goto(lecture('distributed-systems', 'lecture-23'))
    await page.getByRole('button', { name: '课程目录' }).click()
    await expect.poll(() => inView(page)).toBe(true)
    await phone.close()
  })

  it('fits a 360 px screen: no horizontal scroll, large tap targets, and the menus open', async () => {
    const small = await newContext(browser, { width: 360 })
    const page = await small.newPage()
    await page.goto(lecture('distributed-systems', 'lecture-07'))
    expect(
      await page.evaluate(
        () => document.documentElement.scrollWidth - document.documentElement.clientWidth,
      ),
    ).toBeLessThanOrEqual(0)
    const menuButton = page.getByRole('button', { name: '课程目录' })
    const box = await menuButton.boundingBox()
    expect(box!.height).toBeGreaterThanOrEqual(44)
    expect(await page.locator('#course-menu').isVisible()).toBe(false)
    await menuButton.click()
    expect(await page.locator('#course-menu').isVisible()).toBe(true)
    expect(await menuButton.getAttribute('aria-expanded')).toBe('true')
    await page.keyboard.press('Escape')
    expect(await page.locator('#course-menu').isVisible()).toBe(false)
    await page.locator('.mobile-toc summary').click()
    expect(await page.locator('.mobile-toc nav').isVisible()).toBe(true)
    const small44 = await page
      .locator('.search-button, .icon-button, .copy-button')
      .evaluateAll(
        (elements) =>
          elements.filter(
            (element) =>
              element.getBoundingClientRect().height > 0 &&
              element.getBoundingClientRect().height < 36,
          ).length,
      )
    expect(small44).toBe(0)
    await small.close()
  })

  it('prints a clean article: no navigation, solutions shown, the URL printed', async () => {
    const fresh = await newContext(browser)
    const page = await fresh.newPage()
    await page.goto(lecture('distributed-systems', 'lecture-05'))
    await page.emulateMedia({ media: 'print' })
    for (const selector of [
      'header.sticky',
      '#course-menu',
      '.toc-column',
      '.pager-link',
      '[data-video]',
      '.search-button',
    ]) {
      const visible = await page
        .locator(selector)
        .first()
        .isVisible()
        .catch(() => false)
      expect(visible, selector).toBe(false)
    }
    expect(await page.locator('.exercise .solution > div').first().isVisible()).toBe(true)
    expect(await page.locator('.print-only').first().textContent()).toContain(
      '/distributed-systems/lecture-05/',
    )
    await fresh.close()
  })
})

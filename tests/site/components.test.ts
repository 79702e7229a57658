import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { extractSamples } from '@/lib/samples/extract.ts'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'

/**
 * The MDX components in Chromium, on the authors' handbook (the living fixture: every
 * component in every state is on its pages).
 */
const siteUrl = inject('siteUrl')
const origin = new URL(siteUrl).origin
const handbook = (chapter: string) => `${siteUrl}/handbook/${chapter}/`

async function scrollThrough(page: Page) {
  await page.evaluate(async () => {
    for (let y = 0; y < document.documentElement.scrollHeight; y += 500) {
      window.scrollTo(0, y)
      await new Promise((resolve) => setTimeout(resolve, 40))
    }
  })
}

describe.skipIf(skipBrowser)('MDX components in the browser', () => {
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  describe('code blocks and tabs', () => {
    beforeAll(async () => {
      context = await newContext(browser)
      await context.grantPermissions(['clipboard-read', 'clipboard-write'], { origin })
    })
    afterAll(async () => context?.close())

    it('copies exactly the code as written: no line numbers, no highlight markup', async () => {
      const page = await context.newPage()
      await page.goto(handbook('code-blocks'))
      const block = page
        .locator('.code-block', { has: page.locator('pre[data-line-numbers]') })
        .first()
      await block.locator('.copy-button').click()
      await expect.poll(() => block.locator('[role="status"]').textContent()).toContain('已复制')
      const copied = await page.evaluate(() => navigator.clipboard.readText())
      const title = (await block.locator('figcaption span').first().textContent())!.trim()
      const source = extractSamples(path.resolve('content/handbook/code-blocks.mdx'), ['go']).find(
        (sample) => sample.code === copied,
      )
      expect(source, `the clipboard held:\n${copied}`).toBeDefined()
      expect(copied.split('\n')[0]).not.toMatch(/^\s*1\s/)
      expect(title).toBe('kvraft/server.go')
      await page.close()
    })

    it('switches tabs by click and arrow keys, and remembers the language across pages', async () => {
      const page = await context.newPage()
      await page.goto(handbook('code-blocks'))
      const tabs = page.locator('.code-tabs').first()
      const python = tabs.getByRole('tab', { name: 'Python' })
      await python.click()
      await expect.poll(() => python.getAttribute('aria-selected')).toBe('true')
      expect(await tabs.locator('[role="tabpanel"]').nth(0).isVisible()).toBe(false)
      expect(await tabs.locator('[role="tabpanel"]').nth(1).isVisible()).toBe(true)
      // Every other Go/Python tab set of the page follows.
      const secondSet = page.locator('.code-tabs').nth(1).getByRole('tab', { name: 'Python' })
      await expect.poll(() => secondSet.getAttribute('aria-selected')).toBe('true')

      await python.focus()
      await page.keyboard.press('ArrowLeft')
      const go = tabs.getByRole('tab', { name: 'Go' })
      await expect.poll(() => go.getAttribute('aria-selected')).toBe('true')
      expect(await page.evaluate(() => document.activeElement?.textContent)).toBe('Go')
      await page.keyboard.press('End')
      await expect.poll(() => python.getAttribute('aria-selected')).toBe('true')

      await page.goto(handbook('diagrams'))
      await page.goto(handbook('code-blocks'))
      await expect
        .poll(() =>
          page
            .locator('.code-tabs')
            .first()
            .getByRole('tab', { name: 'Python' })
            .getAttribute('aria-selected'),
        )
        .toBe('true')
      await page.close()
    })

    it('shows every tab, labelled, without JavaScript', async () => {
      const noScript = await newContext(browser, { javaScript: false })
      const page = await noScript.newPage()
      await page.goto(handbook('code-blocks'))
      const tabs = page.locator('.code-tabs').first()
      expect(await tabs.locator('[role="tabpanel"]').nth(0).isVisible()).toBe(true)
      expect(await tabs.locator('[role="tabpanel"]').nth(1).isVisible()).toBe(true)
      expect(await tabs.locator('.code-tab-label').allTextContents()).toEqual(['Go', 'Python'])
      await noScript.close()
    })
  })

  for (const theme of ['light', 'dark'] as const) {
    it(`draws every diagram as SVG in ${theme} theme, and the broken one as an error box`, async () => {
      const themed = await newContext(browser, { theme })
      const page = await themed.newPage()
      await page.goto(handbook('diagrams'))
      await scrollThrough(page)
      await page.waitForFunction(() =>
        [...document.querySelectorAll('[data-mermaid="client"] .mermaid-diagram')].every(
          (element) => element.getAttribute('data-state') !== 'source',
        ),
      )
      const figures = await page.locator('.mermaid-figure').evaluateAll((elements) =>
        elements.map((element) => ({
          broken: element.hasAttribute('data-broken'),
          svg: !!element.querySelector('svg'),
          error: element.querySelector('.mermaid-error')?.textContent ?? '',
          client: element.getAttribute('data-mermaid') === 'client',
        })),
      )
      expect(figures.filter((figure) => !figure.broken).length).toBeGreaterThanOrEqual(6)
      for (const figure of figures.filter((candidate) => !candidate.broken))
        expect(figure.svg).toBe(true)
      const broken = figures.filter((figure) => figure.broken)
      expect(broken).toHaveLength(1)
      expect(broken[0]!.error).toMatch(/语法错误[\s\S]*(Parse error|error)/i)
      expect(figures.some((figure) => figure.client && figure.svg)).toBe(true)
      expect(
        await page.locator('.mermaid-figure[data-mermaid="static"] svg text').first().textContent(),
      ).toBeTruthy()
      await themed.close()
    })
  }

  it('redraws browser-drawn diagrams on a theme switch', async () => {
    const themed = await newContext(browser)
    const page = await themed.newPage()
    await page.goto(handbook('diagrams'))
    await scrollThrough(page)
    const client = page
      .locator('[data-mermaid="client"]:not([data-broken]) .mermaid-diagram')
      .first()
    // Mermaid loads on scroll; under load that takes longer than expect.poll's default second.
    await expect.poll(() => client.getAttribute('data-state'), { timeout: 30_000 }).toBe('svg')
    const before = await client.innerHTML()
    await page.locator('select[aria-label="颜色主题"]').selectOption('dark')
    await expect
      .poll(async () => (await client.innerHTML()) !== before, { timeout: 30_000 })
      .toBe(true)
    expect(await client.locator('svg').count()).toBe(1)
    await themed.close()
  })

  it('opens a diagram full screen on a phone: zoom and pan by keyboard, Esc returns focus', async () => {
    const phone = await newContext(browser, { width: 390 })
    const page = await phone.newPage()
    await page.goto(`${siteUrl}/system-design/week-03/`)
    const figure = page.locator('.mermaid-figure[data-mermaid="static"]').first()
    // Wider than the phone at a legible size: it scrolls sideways in its frame.
    expect(
      await figure
        .locator('.mermaid-diagram:not(.diagram-canvas)')
        .evaluate((frame) => frame.scrollWidth > frame.clientWidth),
    ).toBe(true)
    const open = figure.locator('.diagram-open')
    await open.click()
    const dialog = figure.locator('dialog.diagram-dialog')
    await expect
      .poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open))
      .toBe(true)
    expect(await dialog.locator('.diagram-canvas svg').count()).toBe(1)
    const level = dialog.locator('.diagram-zoom-level')
    const canvas = dialog.locator('.diagram-canvas')
    const fitted = await level.textContent()
    await page.keyboard.press('1')
    await expect.poll(() => level.textContent()).toBe('100%')
    await page.keyboard.press('+')
    await expect.poll(() => level.textContent()).toBe('125%')
    const before = await canvas.evaluate((element) => element.style.transform)
    await page.keyboard.press('ArrowRight')
    await expect.poll(() => canvas.evaluate((element) => element.style.transform)).not.toBe(before)
    await page.keyboard.press('0')
    await expect.poll(() => level.textContent()).toBe(fitted)
    expect(await page.evaluate(() => getComputedStyle(document.documentElement).overflow)).toBe(
      'hidden',
    )
    await page.keyboard.press('Escape')
    await expect
      .poll(() => dialog.evaluate((element) => (element as HTMLDialogElement).open))
      .toBe(false)
    expect(await open.evaluate((button) => button === document.activeElement)).toBe(true)
    await phone.close()
  })

  it('loads mermaid only where a diagram needs it', async () => {
    const fresh = await newContext(browser)
    const page = await fresh.newPage()
    // Scripts a page with a browser-drawn diagram loads only once that diagram is scrolled to.
    await page.goto(handbook('diagrams'), { waitUntil: 'networkidle' })
    const lazy: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'script') lazy.push(request.url())
    })
    await scrollThrough(page)
    await page.waitForLoadState('networkidle')
    expect(lazy.length).toBeGreaterThan(0)

    for (const chapter of ['video', 'code-blocks', 'exercises-and-quizzes']) {
      const requested: string[] = []
      const other = await fresh.newPage()
      other.on('request', (request) => requested.push(request.url()))
      await other.goto(handbook(chapter), { waitUntil: 'networkidle' })
      await scrollThrough(other)
      await other.waitForLoadState('networkidle')
      expect(
        requested.filter((url) => lazy.includes(url)),
        chapter,
      ).toEqual([])
      await other.close()
    }
    await fresh.close()
  })

  it('makes no request to a video host until the reader clicks, then embeds the chosen provider', async () => {
    const fresh = await newContext(browser)
    const page = await fresh.newPage()
    const thirdParty: string[] = []
    page.on('request', (request) => {
      if (new URL(request.url()).origin !== origin && !request.url().startsWith('data:'))
        thirdParty.push(request.url())
    })
    await page.goto(handbook('video'), { waitUntil: 'networkidle' })
    await scrollThrough(page)
    expect(thirdParty).toEqual([])
    expect(await page.locator('iframe').count()).toBe(0)

    // Locate videos by position: pressing play replaces the facade that a filter would match.
    const kinds = await page
      .locator('[data-video]')
      .evaluateAll((videos) =>
        videos.map((video) =>
          video.querySelector('[aria-label="视频来源"]')
            ? 'both'
            : video.textContent?.includes('Bilibili')
              ? 'bilibili'
              : 'youtube',
        ),
      )
    const both = page.locator('[data-video]').nth(kinds.indexOf('both'))
    // zh-CN page: Bilibili is offered first.
    expect(await both.locator('.video-provider').first().textContent()).toBe('Bilibili')
    await both.locator('.video-provider', { hasText: 'YouTube' }).click()
    await both.locator('.video-play').click()
    const youtube = await both.locator('iframe').getAttribute('src')
    expect(new URL(youtube!).host).toBe('www.youtube-nocookie.com')
    expect(await both.locator('iframe').getAttribute('title')).toMatch(/YouTube/)
    expect(await both.locator('iframe').getAttribute('referrerpolicy')).toBe(
      'strict-origin-when-cross-origin',
    )

    const bilibiliOnly = page.locator('[data-video]').nth(kinds.indexOf('bilibili'))
    await bilibiliOnly.locator('.video-play').click()
    const bilibili = new URL((await bilibiliOnly.locator('iframe').getAttribute('src'))!)
    expect(bilibili.host).toBe('player.bilibili.com')
    expect(bilibili.searchParams.get('p')).toBe('6')
    expect(bilibili.searchParams.get('t')).toBe('750')
    await fresh.close()
  })

  it('keeps list markers and paragraph spacing inside every component, and inline code without backticks', async () => {
    const fresh = await newContext(browser)
    const page = await fresh.newPage()
    const seen = { exercise: 0, solution: 0, callout: 0 }
    for (const chapter of ['exercises-and-quizzes', 'callouts-papers-figures']) {
      await page.goto(handbook(chapter))
      await page.evaluate(() =>
        document.querySelectorAll('details').forEach((d) => (d.open = true)),
      )
      const lists = await page
        .locator('.exercise li, .callout li, .quiz-prompt li, .quiz-explanation li')
        .evaluateAll((items) =>
          items.map((item) => ({
            where: item.closest('.solution, .hint, .exercise, .callout, .quiz')!.className,
            marker: getComputedStyle(item).listStyleType,
            indent: parseFloat(getComputedStyle(item.parentElement!).paddingInlineStart),
            text: item.textContent!.slice(0, 30),
          })),
        )
      for (const list of lists) {
        expect(list.marker, `${chapter}: ${list.where} «${list.text}»`).not.toBe('none')
        expect(list.indent, `${chapter}: ${list.where} «${list.text}»`).toBeGreaterThan(8)
        if (list.where.includes('solution')) seen.solution++
        else if (list.where.includes('exercise')) seen.exercise++
        else if (list.where.includes('callout')) seen.callout++
      }
      const gaps = await page
        .locator('.exercise-body > p + p, .callout > div > p + p')
        .evaluateAll((paragraphs) =>
          paragraphs.map((p) => parseFloat(getComputedStyle(p).marginTop)),
        )
      for (const gap of gaps) expect(gap).toBeGreaterThan(8)
      const ticks = await page
        .locator('.article :not(pre) > code')
        .evaluateAll((codes) =>
          codes.flatMap((code) =>
            ['::before', '::after'].map((pseudo) => getComputedStyle(code, pseudo).content),
          ),
        )
      expect(ticks.length).toBeGreaterThan(0)
      for (const content of ticks) expect(['none', 'normal']).toContain(content)
    }
    expect(seen.solution).toBeGreaterThan(0)
    expect(seen.callout).toBeGreaterThan(0)
    await fresh.close()
  })

  it('opens hints and solutions, and marks quiz answers right and wrong', async () => {
    const fresh = await newContext(browser)
    const page = await fresh.newPage()
    await page.goto(handbook('exercises-and-quizzes'))
    const exercise = page.locator('.exercise').first()
    const solution = exercise.locator('details.solution')
    expect(await solution.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(false)
    await solution.locator('summary').click()
    expect(await solution.evaluate((element) => (element as HTMLDetailsElement).open)).toBe(true)
    await exercise.locator('details.hint summary').first().click()
    expect(
      await exercise
        .locator('details.hint')
        .first()
        .evaluate((element) => (element as HTMLDetailsElement).open),
    ).toBe(true)

    const quiz = page
      .locator('[data-quiz]')
      .filter({ has: page.locator('input[type="radio"]') })
      .first()
    const choices = quiz.locator('.quiz-choices > li')
    const count = await choices.count()
    const correctIndex = await quiz.evaluate(
      (element) =>
        element
          .querySelector('.quiz-answer-fallback p')!
          .textContent!.replace('正确答案：', '')
          .charCodeAt(0) - 65,
    )
    const wrongIndex = correctIndex === 0 ? 1 : 0
    expect(count).toBeGreaterThanOrEqual(2)
    await choices.nth(wrongIndex).locator('input').check()
    await quiz.getByRole('button', { name: '检查答案' }).click()
    expect(await choices.nth(wrongIndex).getAttribute('data-result')).toBe('incorrect')
    expect(await quiz.locator('.quiz-feedback').textContent()).toContain('还不完全对')
    // A wrong try gives nothing away: the right choice stays unmarked, the explanation hidden.
    expect(await choices.nth(correctIndex).getAttribute('data-result')).toBeNull()
    expect(await quiz.locator('.quiz-explanation').count()).toBe(0)
    await quiz.getByRole('button', { name: '查看答案' }).click()
    expect(await choices.nth(correctIndex).getAttribute('data-result')).toBe('missed')
    expect(await quiz.locator('.quiz-explanation').isVisible()).toBe(true)
    await choices.nth(correctIndex).locator('input').check()
    await quiz.getByRole('button', { name: '检查答案' }).click()
    expect(await choices.nth(correctIndex).getAttribute('data-result')).toBe('correct')
    expect(await quiz.locator('.quiz-feedback').textContent()).toBe('回答正确！')

    const multiple = page
      .locator('[data-quiz]')
      .filter({ has: page.locator('input[type="checkbox"]') })
      .first()
    expect(await multiple.locator('.quiz-kind').textContent()).toBe('多选')
    await fresh.close()
  })
})

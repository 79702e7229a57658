import type { Browser, BrowserContext, Locator, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'
import { SIMULATION_MARKS } from '@/lib/sim/code-marks.ts'

/**
 * HistoryChecker in Chromium, where lecture 4 places it (H2, the stale read): the reader checks,
 * reads the dead end, edits an operation's times by typing and by dragging, checks again and
 * reads the linearization. Verdicts are read as text, as a screen-reader user would.
 */
const siteUrl = inject('siteUrl')
const lecturePage = `${siteUrl}/distributed-systems/lecture-04/`
/** A string only the checker's chunk contains (its explanation). */
const CHECKER_CODE_MARK = SIMULATION_MARKS.history

async function liveChecker(page: Page): Promise<Locator> {
  const figure = page.locator('figure[data-sim="history"]').first()
  await figure.scrollIntoViewIfNeeded()
  await figure.locator('.sim-loader[data-state="live"]').waitFor()
  return figure.locator('.sim-live')
}

const verdict = (checker: Locator) => checker.locator('.history-verdict').innerText()

describe.skipIf(skipBrowser)('HistoryChecker in the browser', () => {
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    browser = await launchBrowser()
    context = await newContext(browser)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('is in the HTML as its start picture, and its code loads only on a page with a checker', async () => {
    const page = await context.newPage()
    const scripts: string[] = []
    page.on('response', async (response) => {
      if (response.url().endsWith('.js')) scripts.push(await response.text().catch(() => ''))
    })
    await page.goto(`${siteUrl}/handbook/video/`)
    await page.waitForLoadState('networkidle')
    expect(scripts.some((body) => body.includes(CHECKER_CODE_MARK))).toBe(false)

    const html = await (await page.request.get(lecturePage)).text()
    expect(html).toContain('data-sim="history"')
    expect(html).toContain('时间线：C1 写 1（0–30）；C2 读到 1（5–10）；C3 读到 0（15–20）')

    await page.goto(lecturePage)
    await liveChecker(page)
    await page.waitForLoadState('networkidle')
    expect(scripts.some((body) => body.includes(CHECKER_CODE_MARK))).toBe(true)
    await page.close()
  })

  it('checks H2, explains the dead end, and accepts it once C3 reads early enough', async () => {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(lecturePage)
    const checker = await liveChecker(page)

    await checker.getByRole('button', { name: '检查' }).click()
    await expect.poll(() => verdict(checker)).toContain('不线性一致。')
    await expect.poll(() => verdict(checker)).toContain('读到 0，但此时寄存器只能是 1')
    await expect.poll(() => checker.locator('[data-stuck]').count()).toBe(1)

    // Typing a time clears the verdict; Enter in the field checks again.
    await checker.getByLabel('第 3 个操作的调用时刻').fill('8')
    await expect.poll(() => verdict(checker)).toContain('按“检查”判断')
    const ret = checker.getByLabel('第 3 个操作的返回时刻')
    await ret.fill('13')
    await ret.press('Enter')
    await expect.poll(() => verdict(checker)).toContain('线性一致。')
    expect(await checker.locator('.history-order > li').allInnerTexts()).toEqual([
      'C3 读到 0（8–13）',
      'C1 写 1（0–30）',
      'C2 读到 1（5–10）',
    ])
    expect(await checker.locator('.history-point').count()).toBe(3)

    // A fourth operation by a new client; then removing it again.
    await checker.getByRole('button', { name: '添加操作' }).click()
    await expect.poll(() => checker.locator('.history-op-row').count()).toBe(4)
    await checker.getByRole('button', { name: '删除第 4 个操作' }).click()
    await expect.poll(() => checker.locator('.history-op-row').count()).toBe(3)

    // A return before the call is named, not checked.
    await ret.fill('2')
    await checker.getByRole('button', { name: '检查' }).click()
    await expect
      .poll(() => verdict(checker))
      .toContain('第 3 个操作：返回时刻（2）必须晚于调用时刻（8）。')
    expect(errors).toEqual([])
    await page.close()
  })

  it('moves a time when the reader drags the end of a bar', async () => {
    const page = await context.newPage()
    await page.goto(lecturePage)
    const checker = await liveChecker(page)
    const ret = checker.getByLabel('第 3 个操作的返回时刻')
    expect(await ret.inputValue()).toBe('20')
    // The third bar's handles: its call, then its return.
    const handle = checker.locator('.history-op').nth(2).locator('.history-handle').nth(1)
    const box = (await handle.boundingBox())!
    await page.mouse.move(box.x + box.width / 2, box.y + box.height / 2)
    await page.mouse.down()
    await page.mouse.move(box.x + box.width / 2 + 60, box.y + box.height / 2, { steps: 5 })
    await page.mouse.up()
    await expect.poll(async () => Number(await ret.inputValue())).toBeGreaterThan(20)
    await page.close()
  })

  it('fits a 390 px phone without sideways scrolling', async () => {
    const phone = await newContext(browser, { width: 390 })
    const page = await phone.newPage()
    await page.goto(lecturePage)
    const checker = await liveChecker(page)
    const overflow = await checker.evaluate(
      (element) => element.closest('figure')!.scrollWidth - element.closest('figure')!.clientWidth,
    )
    expect(overflow).toBeLessThanOrEqual(0)
    expect(await page.evaluate(() => document.documentElement.scrollWidth)).toBeLessThanOrEqual(390)
    await phone.close()
  })
})

import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'

/** The theme choice in the header: the system's, light or dark, remembered, without a flash. */
const siteUrl = inject('siteUrl')
const page1 = `${siteUrl}/distributed-systems/lecture-01/`

/** The theme `<html>` has at the first frame, before React or any page script has run. */
async function firstFrame(page: Page): Promise<{ dark: boolean; choice: string | undefined }> {
  return page.evaluate(() => (window as unknown as { __firstFrame: Promise<never> }).__firstFrame)
}

const visibleIcon = (page: Page) =>
  page
    .locator('.theme-choice [data-theme-icon]')
    .evaluateAll((icons) =>
      icons
        .filter((icon) => getComputedStyle(icon).display !== 'none')
        .map((icon) => icon.getAttribute('data-theme-icon')),
    )

describe.skipIf(skipBrowser)('theme choice', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('follows the system until the reader chooses, then keeps the choice from the first frame', async () => {
    const context = await newContext(browser, { theme: 'dark' })
    await context.addInitScript(() => {
      ;(window as unknown as { __firstFrame: Promise<unknown> }).__firstFrame = new Promise(
        (resolve) =>
          requestAnimationFrame(() =>
            resolve({
              dark: document.documentElement.classList.contains('dark'),
              choice: document.documentElement.dataset.themeChoice,
            }),
          ),
      )
    })
    const page = await context.newPage()
    await page.goto(page1)
    expect(await firstFrame(page)).toEqual({ dark: true, choice: 'system' })
    const select = page.locator('select[aria-label="颜色主题"]')
    expect(await select.inputValue()).toBe('system')
    expect(await visibleIcon(page)).toEqual(['system'])

    // While the choice is the system's, the page follows the system live.
    await page.emulateMedia({ colorScheme: 'light' })
    await expect
      .poll(() => page.evaluate(() => document.documentElement.classList.contains('dark')))
      .toBe(false)

    await select.selectOption('dark')
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    )
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBe('dark')
    expect(await visibleIcon(page)).toEqual(['dark'])

    // A chosen theme holds against the system, on this page and from the first frame of the next.
    await page.emulateMedia({ colorScheme: 'light' })
    await page.goto(`${siteUrl}/distributed-systems/lecture-02/`)
    expect(await firstFrame(page)).toEqual({ dark: true, choice: 'dark' })
    expect(await select.inputValue()).toBe('dark')

    await select.selectOption('light')
    await page.emulateMedia({ colorScheme: 'dark' })
    await page.reload()
    expect(await firstFrame(page)).toEqual({ dark: false, choice: 'light' })

    // Back to the system's: nothing stored, and the system's theme at once.
    await select.selectOption('system')
    expect(await page.evaluate(() => localStorage.getItem('theme'))).toBeNull()
    expect(await page.evaluate(() => document.documentElement.classList.contains('dark'))).toBe(
      true,
    )
    await context.close()
  })

  it('is reachable and operable by keyboard', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(page1)
    const select = page.locator('select[aria-label="颜色主题"]')
    await select.focus()
    const outline = await page
      .locator('.theme-choice')
      .evaluate((element) => getComputedStyle(element).outlineStyle)
    expect(outline).toBe('solid')
    await page.keyboard.press('ArrowDown')
    await expect.poll(() => select.inputValue()).not.toBe('system')
    await context.close()
  })
})

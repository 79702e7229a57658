import type { Browser, BrowserContext, Page } from 'playwright-core'
import { findChrome, launchChromium } from '../../lib/chromium.ts'

export const chromePath = findChrome()

/** Browser tests skip without Chromium, except under CI=true where a missing browser fails. */
export const skipBrowser = !chromePath && process.env.CI !== 'true'
if (skipBrowser) {
  console.warn(
    '⚠ Browser tests skipped: no Chromium found. Install it (Debian: apt-get install chromium) or set CHROME_PATH.',
  )
}

export const launchBrowser = launchChromium

export interface ContextOptions {
  theme?: 'light' | 'dark'
  width?: number
  javaScript?: boolean
}

export async function newContext(
  browser: Browser,
  options: ContextOptions = {},
): Promise<BrowserContext> {
  return browser.newContext({
    viewport: { width: options.width ?? 1280, height: 900 },
    colorScheme: options.theme ?? 'light',
    javaScriptEnabled: options.javaScript ?? true,
    locale: 'zh-CN',
  })
}

/** Waits until the page is hydrated far enough that the search shortcuts and button respond. */
export async function searchReady(page: Page): Promise<void> {
  await page.locator('[data-search-open][data-ready]').waitFor()
}

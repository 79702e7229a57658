import fs from 'node:fs'
import { chromium, type Browser, type BrowserContext } from 'playwright-core'

/** Where Chromium is: CHROME_PATH, then Debian's chromium, then a system Chrome. */
export function findChrome(): string | undefined {
  const candidates = [
    process.env.CHROME_PATH,
    '/usr/bin/chromium',
    '/usr/bin/chromium-browser',
    '/usr/bin/google-chrome',
    '/usr/bin/google-chrome-stable',
  ]
  return candidates.find(
    (candidate): candidate is string => !!candidate && fs.existsSync(candidate),
  )
}

export const chromePath = findChrome()

/** Browser tests skip without Chromium, except under CI=true where a missing browser fails. */
export const skipBrowser = !chromePath && process.env.CI !== 'true'
if (skipBrowser) {
  console.warn(
    '⚠ Browser tests skipped: no Chromium found. Install it (Debian: apt-get install chromium) or set CHROME_PATH.',
  )
}

export async function launchBrowser(): Promise<Browser> {
  if (!chromePath)
    throw new Error(
      'No Chromium: install it (Debian: apt-get install chromium) or set CHROME_PATH.',
    )
  return chromium.launch({
    executablePath: chromePath,
    args: [
      '--no-sandbox',
      '--disable-gpu',
      '--disable-quic',
      '--no-first-run',
      '--disable-background-networking',
      '--disable-component-update',
      '--disable-sync',
    ],
  })
}

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

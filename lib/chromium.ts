import fs from 'node:fs'
import { chromium, type Browser } from 'playwright-core'

/** Chromium for the browser tests and the benchmark: found on the system, never downloaded. */

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

export const NO_CHROME_MESSAGE =
  'No Chromium: install it (Debian: apt-get install chromium) or set CHROME_PATH.'

/**
 * Headless, as root, on a machine whose network is closed: without the background-networking
 * flags Chromium keeps trying to reach Google's hosts.
 */
export const CHROME_FLAGS = [
  '--no-sandbox',
  '--disable-gpu',
  '--disable-quic',
  '--no-first-run',
  '--disable-background-networking',
  '--disable-component-update',
  '--disable-sync',
]

export async function launchChromium(): Promise<Browser> {
  const executablePath = findChrome()
  if (!executablePath) throw new Error(NO_CHROME_MESSAGE)
  return chromium.launch({ executablePath, args: CHROME_FLAGS })
}

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { chromium, type BrowserContext, type Page } from 'playwright-core'
import { afterAll, afterEach, beforeAll, describe, expect, inject, it } from 'vitest'
import { CHROME_FLAGS } from '@/lib/chromium.ts'
import { addPolicies } from '@/lib/csp.ts'
import { exportedBasePath, exportedHtmlFiles } from '@/lib/export-info.ts'
import { writeOfflineSupport } from '@/lib/pwa/write-offline-support.ts'
import { startStaticServer, type RunningServer } from '@/lib/static-server.ts'
import { chromePath, searchReady, skipBrowser } from '../helpers/browser.ts'
import { networkSwitch, type NetworkSwitch } from '../helpers/network-switch.ts'
import { checkPage } from '../helpers/page-checks.ts'

/**
 * Offline reading in Chromium's offline mode, on a copy of the export served as a host serves
 * it, so the test can deploy a changed version of it afterwards. Offline means both Chromium's
 * offline mode (the page's navigator.onLine) and the network switch unplugged (the service
 * worker's own requests, which Chromium's offline mode does not cover).
 */
const outDir = inject('outDir')
const basePath = exportedBasePath(outDir)
const courses = ['distributed-systems', 'system-design', 'handbook']

async function search(page: Page, query: string): Promise<string[]> {
  await searchReady(page)
  await page.keyboard.press('/')
  await page.locator('[data-search-input]').fill(query)
  await page.locator('[data-search-hit]').first().waitFor()
  return page
    .locator('[data-search-hit]')
    .evaluateAll((hits) => hits.map((hit) => hit.getAttribute('data-search-hit') ?? ''))
}

/** Pages the tests below open online before going offline; the saved course is the handbook. */
const VISITED = ['/', '/distributed-systems/', '/distributed-systems/lecture-01/', '/offline/']
const readable = (hit: string) => {
  const page = hit.split('#')[0]!.slice(basePath.length)
  return page.startsWith('/handbook/') || VISITED.includes(page)
}

describe.skipIf(skipBrowser)('reading offline', () => {
  let context: BrowserContext
  let server: RunningServer
  let network: NetworkSwitch
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-site-'))
  const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-profile-'))
  const url = (sitePath: string) => `${network.origin}${basePath}${sitePath}`
  const setOffline = async (offline: boolean) => {
    network.setOnline(!offline)
    await context.setOffline(offline)
  }

  beforeAll(async () => {
    fs.cpSync(outDir, root, { recursive: true })
    server = await startStaticServer({ root, basePath, gzip: true })
    network = await networkSwitch(server.port)
    // A profile of its own rather than an incognito context: Chromium installs no app from one.
    context = await chromium.launchPersistentContext(profile, {
      executablePath: chromePath,
      args: CHROME_FLAGS,
      viewport: { width: 1280, height: 900 },
      locale: 'zh-CN',
    })
  })
  // A failed test must not leave the next one offline.
  afterEach(() => setOffline(false))
  afterAll(async () => {
    await context?.close()
    await network?.close()
    await server?.close()
    fs.rmSync(root, { recursive: true, force: true })
    fs.rmSync(profile, { recursive: true, force: true })
  })

  it('installs as an app: Chromium finds nothing missing from the manifest and worker', async () => {
    const page = await context.newPage()
    await page.goto(url('/'))
    await page.evaluate(() => Object.assign(window, { firstVisit: true }))
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
        timeout: 30_000,
      })
      .toBe('activated')
    await page.waitForLoadState('load')
    // The worker took control of the first visit without reloading the page under the reader.
    expect(await page.evaluate(() => 'firstVisit' in window)).toBe(true)
    await searchReady(page)
    const session = await context.newCDPSession(page)
    // Asked while the page still starts, Chromium can answer manifest-location-changed.
    await expect
      .poll(async () => (await session.send('Page.getInstallabilityErrors')).installabilityErrors, {
        timeout: 30_000,
      })
      .toEqual([])
    const manifest = await (await page.request.get(url('/manifest.webmanifest'))).json()
    expect(manifest.start_url).toBe(`${basePath}/`)
    await page.close()
  })

  it('with the worker in control, pages break no security policy and log no error', async () => {
    const page = await context.newPage()
    await page.goto(url('/'))
    await expect
      .poll(() => page.evaluate(() => navigator.serviceWorker.controller?.state ?? 'none'), {
        timeout: 30_000,
      })
      .toBe('activated')
    await page.close()
    for (const sitePath of VISITED) {
      const report = await checkPage(context, url(sitePath), {
        origin: network.origin,
        axe: false,
      })
      expect(report.problems, sitePath).toEqual([])
    }
  })

  it(
    'reads visited and saved pages, searches them, and explains what was never saved',
    { timeout: 400_000 },
    async () => {
      const page = await context.newPage()
      await page.goto(url('/distributed-systems/lecture-01/'))
      await page.evaluate(async () => {
        await navigator.serviceWorker.ready
      })
      // Now that the worker controls the site, this visit is kept.
      await page.goto(url('/distributed-systems/lecture-01/'))

      await page.goto(url('/handbook/'))
      // Online, the search finds pages that will not be readable offline.
      expect((await search(page, '分布式')).some((hit) => !readable(hit))).toBe(true)
      await page.goto(url('/handbook/'))
      const save = page.getByRole('button', { name: '保存整门课程以便离线阅读' })
      await save.waitFor()
      await expect.poll(() => page.locator('.save-course').textContent()).toMatch(/约 \d+\.\d MB/)
      await save.click()
      await page.getByText(/已保存整门课程/).waitFor({ timeout: 300_000 })

      await setOffline(true)
      await page.goto(url('/distributed-systems/lecture-01/'))
      await expect(page.locator('h1').first().textContent()).resolves.toContain('MapReduce')
      await page.goto(url('/handbook/diagrams/'))
      await expect(page.locator('h1').first().textContent()).resolves.toContain('Mermaid 图表')
      const hits = await search(page, 'mermaid')
      expect(hits.some((hit) => hit.startsWith(`${basePath}/handbook/diagrams/`))).toBe(true)
      // Offline, search offers only what can be opened: the saved course and the visited pages.
      await page.goto(url('/handbook/diagrams/'))
      const offlineHits = await search(page, '分布式')
      expect(offlineHits.filter((hit) => !readable(hit))).toEqual([])
      expect(offlineHits.length).toBeGreaterThan(0)

      await page.goto(url('/handbook/video/'))
      await page.getByText('视频需要网络').first().waitFor()

      await page.goto(url('/system-design/week-03/'))
      await expect(page.locator('h1').first().textContent()).resolves.toContain('你现在离线')
      await page.close()
    },
  )

  // Installing the new version saves the saved course again (12 MB for the handbook): allow it
  // the time a loaded machine needs.
  it('offers a new deploy, then shows it', { timeout: 400_000 }, async () => {
    const page = await context.newPage()
    await page.goto(url('/handbook/getting-started/'))
    const heading = (await page.locator('h1').first().textContent())!
    // A deploy with changed content: a new heading, new policies, a new worker version.
    const changed = `${heading}（修订版）`
    const file = path.join(root, 'handbook', 'getting-started', 'index.html')
    fs.writeFileSync(file, fs.readFileSync(file, 'utf8').replaceAll(heading, changed))
    addPolicies(exportedHtmlFiles(root))
    writeOfflineSupport(root, basePath, courses)

    await page.goto(url('/handbook/'))
    const refresh = page.getByRole('button', { name: '有新版本，刷新' })
    await refresh.waitFor({ timeout: 300_000 })
    await Promise.all([page.waitForEvent('load'), refresh.click()])
    await page.goto(url('/handbook/getting-started/'))
    await expect(page.locator('h1').first().textContent()).resolves.toBe(changed)

    // The saved course came along into the new version, and reads offline; so does a page of
    // another course that was only visited (in the test before), in its new version's styles.
    await setOffline(true)
    await page.goto(url('/handbook/getting-started/'))
    await expect(page.locator('h1').first().textContent()).resolves.toBe(changed)
    await page.goto(url('/distributed-systems/lecture-01/'))
    await expect(page.locator('h1').first().textContent()).resolves.toContain('MapReduce')
    // Styled: the site's stylesheet zeroes the body's margin (a browser's own is 8 px).
    expect(await page.evaluate(() => getComputedStyle(document.body).marginTop)).toBe('0px')
    await page.close()
  })
})

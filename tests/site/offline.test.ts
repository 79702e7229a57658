import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Browser, BrowserContext, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { addPolicies } from '@/lib/csp.ts'
import { exportedBasePath, exportedHtmlFiles } from '@/lib/export-info.ts'
import { writeOfflineSupport } from '@/lib/pwa/write-offline-support.ts'
import { startStaticServer, type RunningServer } from '@/lib/static-server.ts'
import { launchBrowser, newContext, searchReady, skipBrowser } from '../helpers/browser.ts'

/**
 * Offline reading in Chromium's offline mode, on a copy of the export served as a host serves
 * it, so the test can deploy a changed version of it afterwards.
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

describe.skipIf(skipBrowser)('reading offline', () => {
  let browser: Browser
  let context: BrowserContext
  let server: RunningServer
  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-site-'))
  const url = (sitePath: string) => `${server.url}${sitePath}`

  beforeAll(async () => {
    fs.cpSync(outDir, root, { recursive: true })
    server = await startStaticServer({ root, basePath, gzip: true })
    browser = await launchBrowser()
    context = await newContext(browser)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
    await server?.close()
    fs.rmSync(root, { recursive: true, force: true })
  })

  it('installs as an app: Chromium finds nothing missing from the manifest and worker', async () => {
    const page = await context.newPage()
    await page.goto(url('/'))
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    const session = await context.newCDPSession(page)
    const { installabilityErrors } = await session.send('Page.getInstallabilityErrors')
    expect(installabilityErrors).toEqual([])
    const manifest = await (await page.request.get(url('/manifest.webmanifest'))).json()
    expect(manifest.start_url).toBe(`${basePath}/`)
    await page.close()
  })

  it('reads visited and saved pages, searches them, and explains what was never saved', async () => {
    const page = await context.newPage()
    await page.goto(url('/distributed-systems/lecture-01/'))
    await page.evaluate(async () => {
      await navigator.serviceWorker.ready
    })
    // Now that the worker controls the site, this visit is kept.
    await page.goto(url('/distributed-systems/lecture-01/'))

    await page.goto(url('/handbook/'))
    const save = page.getByRole('button', { name: '保存整门课程以便离线阅读' })
    await save.waitFor()
    await expect.poll(() => page.locator('.save-course').textContent()).toMatch(/约 \d+\.\d MB/)
    await save.click()
    await page.getByText(/已保存整门课程/).waitFor({ timeout: 60_000 })

    await context.setOffline(true)
    await page.goto(url('/distributed-systems/lecture-01/'))
    await expect(page.locator('h1').first().textContent()).resolves.toContain('MapReduce')
    await page.goto(url('/handbook/diagrams/'))
    await expect(page.locator('h1').first().textContent()).resolves.toBeTruthy()
    const hits = await search(page, 'mermaid')
    expect(hits.some((hit) => hit.startsWith(`${basePath}/handbook/diagrams/`))).toBe(true)
    // Offline, search offers only what can be opened: the saved course and the visited lecture.
    await page.goto(url('/handbook/diagrams/'))
    for (const hit of await search(page, '分布式'))
      expect(hit).toMatch(new RegExp(`^${basePath}/(?:handbook/|distributed-systems/lecture-01/)`))

    await page.goto(url('/handbook/video/'))
    await page.getByText('视频需要网络').first().waitFor()

    await page.goto(url('/system-design/week-03/'))
    await expect(page.locator('h1').first().textContent()).resolves.toContain('你现在离线')
    await context.setOffline(false)
    await page.close()
  })

  it('offers a new deploy, then shows it', async () => {
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
    await refresh.waitFor({ timeout: 60_000 })
    await Promise.all([page.waitForEvent('load'), refresh.click()])
    await page.goto(url('/handbook/getting-started/'))
    await expect(page.locator('h1').first().textContent()).resolves.toBe(changed)

    // The saved course came along into the new version, and reads offline.
    await context.setOffline(true)
    await page.goto(url('/handbook/getting-started/'))
    await expect(page.locator('h1').first().textContent()).resolves.toBe(changed)
    await context.setOffline(false)
    await page.close()
  })
})

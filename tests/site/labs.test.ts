import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import { kitFiles, referenceFiles } from '@/lib/labs/kit.ts'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'

/** Labs on the exported site: their pages, part progress, the kit download, and no solution anywhere. */
const siteUrl = inject('siteUrl')
const outDir = inject('outDir')
const labs = getSite({ includeDrafts: false }).courses.flatMap((course) => course.labs)
const withKit = labs.filter((lab) => lab.kit)

/** Solution files that differ from the kit's file at the same path (or that the kit lacks). */
function solutionOnlyFiles() {
  return withKit.flatMap((lab) => {
    const kit = new Map(kitFiles(lab.kit!).map((file) => [file.path, file.source]))
    return referenceFiles(lab.kit!)
      .filter((file) => file.source.startsWith(lab.kit!.solutionDir))
      .map((file) => ({ lab, path: file.path, bytes: fs.readFileSync(file.source) }))
      .filter(
        (file) => !kit.has(file.path) || !fs.readFileSync(kit.get(file.path)!).equals(file.bytes),
      )
  })
}

function filesBelow(dir: string): string[] {
  return fs
    .readdirSync(dir, { withFileTypes: true, recursive: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.join(entry.parentPath, entry.name))
}

describe('lab files in the export', () => {
  it('has a page per lab and the labs index', () => {
    expect(labs.length).toBeGreaterThan(0)
    for (const lab of labs) {
      const file = path.join(outDir, ...lab.path.split('/').filter(Boolean), 'index.html')
      expect(fs.existsSync(file), lab.path).toBe(true)
      expect(fs.existsSync(path.join(path.dirname(path.dirname(file)), 'index.html'))).toBe(true)
    }
  })

  it('publishes no reference solution file, loose or inside a kit', () => {
    const secrets = solutionOnlyFiles()
    const published = filesBelow(outDir)
    for (const file of published) {
      const bytes = fs.readFileSync(file)
      const contents = file.endsWith('.zip') ? Object.values(unzipSync(bytes)) : [bytes]
      for (const content of contents)
        for (const secret of secrets)
          expect(
            Buffer.from(content).equals(secret.bytes),
            `${path.relative(outDir, file)} holds ${secret.lab.id}/solution/${secret.path}`,
          ).toBe(false)
    }
    expect(published.some((file) => file.split(path.sep).includes('solution'))).toBe(false)
  })
})

describe.skipIf(skipBrowser)('a lab page in the browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('is reachable from the course home and the sidebar, and marks a part complete across reloads', async () => {
    const lab = labs[0]!
    const course = lab.course
    const context = await newContext(browser)
    const page = await context.newPage()
    await page.goto(`${siteUrl}/${course}/`)
    await page.locator(`[data-lab="${lab.id}"] h3 a`).click()
    await page.waitForURL(`**${lab.path}`)
    expect(await page.locator('h1').textContent()).toBe(lab.title)
    expect(
      await page
        .locator(`.course-menu [data-sidebar-lab="${lab.id}"]`)
        .getAttribute('aria-current'),
    ).toBe('page')
    // Every part has its heading, anchored by the part id.
    for (const part of lab.parts)
      expect(await page.locator(`.article h2[id="${part.id}"]`).count(), part.id).toBe(1)

    const part = lab.parts[0]!
    const toggle = page.locator(`[data-lab-part-toggle="${part.id}"]`)
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    await page.reload()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('true')
    await toggle.click()
    await expect.poll(() => toggle.getAttribute('aria-pressed')).toBe('false')

    // A lecture it serves names it, and links back.
    const lecture = lab.lectures[0]!
    await page.goto(`${siteUrl}${lecture.path}`)
    await page.locator(`[data-lecture-labs] a[href$="${lab.path}"]`).first().click()
    await page.waitForURL(`**${lab.path}`)
    await context.close()
  })

  it.skipIf(withKit.length === 0)(
    'downloads the kit: the skeleton, the tests and the README, not the solution',
    async () => {
      const lab = withKit[0]!
      const context = await newContext(browser)
      const page = await context.newPage()
      await page.goto(`${siteUrl}${lab.path}`)
      const [download] = await Promise.all([
        page.waitForEvent('download'),
        page.locator('[data-kit-download]').click(),
      ])
      expect(download.suggestedFilename()).toBe(lab.kit!.archiveName)
      const entries = unzipSync(new Uint8Array(fs.readFileSync((await download.path())!)))
      const expected = kitFiles(lab.kit!).map((file) => `${lab.id}/${file.path}`)
      expect(Object.keys(entries)).toEqual(expected)
      expect(Object.keys(entries)).toContain(`${lab.id}/README.md`)
      for (const file of kitFiles(lab.kit!))
        expect(
          Buffer.from(entries[`${lab.id}/${file.path}`]!).equals(fs.readFileSync(file.source)),
        ).toBe(true)
      await context.close()
    },
  )
})

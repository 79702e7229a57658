import { createRequire } from 'node:module'
import type { Browser, Page } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import { displayPath } from '@/lib/content/errors.ts'
import { extractDiagrams } from '@/lib/samples/extract.ts'
import { launchBrowser, skipBrowser } from '../helpers/browser.ts'

/**
 * Every Mermaid diagram of the content must parse with mermaid itself. The build-time renderer
 * draws what it can and is lenient with syntax, so this is where a typo in a diagram fails
 * before a reader sees it. Diagrams declared `broken` must fail to parse.
 */
const require = createRequire(import.meta.url)
const pages = getSite({ includeDrafts: true }).courses.flatMap((course) => [
  ...(course.overview ? [course.overview.file] : []),
  ...course.lectures.map((lecture) => lecture.file),
])
const diagrams = pages.flatMap((file) => extractDiagrams(file))

describe.skipIf(skipBrowser)('every Mermaid diagram parses with mermaid', () => {
  let browser: Browser
  let page: Page
  beforeAll(async () => {
    browser = await launchBrowser()
    page = await browser.newPage()
    await page.setContent('<!doctype html><html><body></body></html>')
    await page.addScriptTag({ path: require.resolve('mermaid/dist/mermaid.min.js') })
    await page.evaluate(() =>
      (window as unknown as { mermaid: { initialize(options: object): void } }).mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
      }),
    )
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('finds the diagrams of the content', () => {
    expect(diagrams.length).toBeGreaterThan(10)
  })

  it('parses each one (and rejects each declared broken)', async () => {
    const failures: string[] = []
    for (const diagram of diagrams) {
      const error = await page.evaluate(async (chart) => {
        try {
          await (
            window as unknown as { mermaid: { parse(text: string): Promise<unknown> } }
          ).mermaid.parse(chart)
          return null
        } catch (caught) {
          return caught instanceof Error ? caught.message : String(caught)
        }
      }, diagram.chart)
      const where = `${displayPath(diagram.file)}:${diagram.line}`
      if (error && !diagram.broken)
        failures.push(`${where}: Mermaid syntax error: ${error.split('\n').slice(0, 4).join(' ')}`)
      if (!error && diagram.broken)
        failures.push(`${where}: declared broken but parses; remove \`broken\``)
    }
    expect(failures).toEqual([])
  })
})

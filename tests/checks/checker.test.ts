import path from 'node:path'
import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import { startStaticServer, type RunningServer } from '@/lib/static-server.ts'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'
import { checkPage } from '../helpers/page-checks.ts'

/** The sweep's checker, on pages broken on purpose: each break must be reported. */
describe.skipIf(skipBrowser)('the page checker catches every kind of break', () => {
  let server: RunningServer
  let browser: Browser
  let context: BrowserContext
  const check = (name: string) =>
    checkPage(context, `${server.url}/${name}`, { origin: new URL(server.url).origin })

  beforeAll(async () => {
    server = await startStaticServer({
      root: path.resolve(import.meta.dirname, '../fixtures/broken-pages'),
    })
    browser = await launchBrowser()
    context = await newContext(browser)
  })
  afterAll(async () => {
    await browser?.close()
    await server?.close()
  })

  it('passes a clean page', async () => {
    expect((await check('ok.html')).problems).toEqual([])
  })
  it('reports axe violations', async () => {
    const { problems } = await check('axe-violation.html')
    expect(problems.some((problem) => problem.startsWith('axe image-alt'))).toBe(true)
    expect(problems.some((problem) => problem.startsWith('axe color-contrast'))).toBe(true)
  })
  it('reports console errors', async () => {
    expect((await check('console-error.html')).problems).toContain('console error: boom')
  })
  it('reports third-party requests', async () => {
    expect(
      (await check('third-party.html')).problems.some((problem) =>
        problem.includes('third-party request before any click: https://third-party.invalid/x.png'),
      ),
    ).toBe(true)
  })
  it('reports blank diagrams', async () => {
    expect((await check('blank-diagram.html')).problems).toContain('diagram #1 is not an SVG')
  })
  it('reports horizontal overflow', async () => {
    expect(
      (await check('overflow.html')).problems.some((problem) =>
        problem.includes('wider than the viewport'),
      ),
    ).toBe(true)
  })
  it('reports formulas that failed', async () => {
    expect((await check('katex-error.html')).problems).toContain(
      '1 KaTeX formulas failed to render',
    )
  })
})

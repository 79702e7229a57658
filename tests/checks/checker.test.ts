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

  const reports = async (name: string, pattern: RegExp, width?: number) => {
    const page = width ? await newContext(browser, { width }) : context
    const { problems } = await checkPage(page, `${server.url}/${name}`, {
      origin: new URL(server.url).origin,
      axe: false,
    })
    if (width) await page.close()
    return problems.some((problem) => pattern.test(problem)) || problems
  }
  it('reports diagram text drawn too small, and labels cut off', async () => {
    expect(
      await reports('tiny-diagram-text.html', /smallest text drawn at [\d.]+px \(under 11px\)/),
    ).toBe(true)
    expect(await reports('clipped-diagram-label.html', /1 label\(s\) cut off/)).toBe(true)
  })
  it('reports raw Markdown in what the reader sees', async () => {
    expect(await reports('raw-markup.html', /literal \*\* in visible text/)).toBe(true)
    expect(await reports('raw-markup.html', /inline code element\(s\) drawn with backticks/)).toBe(
      true,
    )
  })
  it('reports words broken inside table cells', async () => {
    expect(await reports('table-broken-words.html', /table cell breaks "[^"]+" across lines/)).toBe(
      true,
    )
  })
  it('reports text too faint to print', async () => {
    expect(await reports('print-faint.html', /printed on white, 1 text\(s\) too faint: p/)).toBe(
      true,
    )
  })
  it('reports a mobile menu that lets focus out, lets the page scroll or ignores Esc', async () => {
    expect(await reports('menu-focus-escapes.html', /Tab ×\d+ moves focus outside/, 390)).toBe(true)
    expect(await reports('menu-focus-escapes.html', /page behind the open menu scrolls/, 390)).toBe(
      true,
    )
    expect(await reports('menu-focus-escapes.html', /Esc does not close it/, 390)).toBe(true)
  })
})

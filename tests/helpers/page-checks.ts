import AxeBuilder from '@axe-core/playwright'
import type { BrowserContext, Page } from 'playwright-core'
import {
  brokenTableWords,
  diagramLegibility,
  mobileMenuFocus,
  printContrast,
  rawMarkup,
} from './reader-checks.ts'

/**
 * The checks every page must pass in a real browser (among them: no Content-Security-Policy
 * violation), as one function, so the site-wide sweep and the checker's own tests (on
 * deliberately broken pages) run exactly the same code.
 */

/** How long the checks of one page may take before the page fails instead of the sweep hanging. */
const PAGE_LIMIT_MS = 3 * 60_000

export const AXE_TAGS = ['wcag2a', 'wcag2aa', 'wcag21a', 'wcag21aa', 'wcag22aa']

export interface PageReport {
  url: string
  problems: string[]
}

export interface CheckOptions {
  /** Origin the site is served from; a request anywhere else is a third-party request. */
  origin: string
  /** Run axe (the slowest check). @defaultValue true */
  axe?: boolean
}

/** Scrolls through the page so lazy diagrams come into view, then back to the top. */
async function scrollThrough(page: Page): Promise<void> {
  await page.evaluate(async () => {
    const step = window.innerHeight
    for (let y = 0; y < document.documentElement.scrollHeight; y += step) {
      window.scrollTo(0, y)
      // Lazy diagrams hear of the scroll at a rendering update (IntersectionObserver); wait for
      // one, or a busy machine scrolls past a diagram between two frames and it never loads.
      // Bounded: a page that draws no frame must not stop the sweep.
      await new Promise((resolve) => {
        requestAnimationFrame(() => requestAnimationFrame(resolve))
        setTimeout(resolve, 10_000)
      })
    }
    window.scrollTo(0, document.documentElement.scrollHeight)
  })
}

/** Waits until every diagram drawn in the browser has finished (an SVG or an error box). */
async function settleDiagrams(page: Page): Promise<void> {
  await page
    .waitForFunction(
      () =>
        [...document.querySelectorAll('[data-mermaid="client"] .mermaid-diagram')].every(
          (diagram) => diagram.getAttribute('data-state') !== 'source',
        ),
      undefined,
      { timeout: 45_000 },
    )
    .catch(() => undefined)
}

/** Collects the page's Content-Security-Policy violations from its first script on. */
export async function listenForViolations(page: Page): Promise<() => Promise<string[]>> {
  await page.addInitScript(() => {
    const found: string[] = []
    Object.assign(window, { __cspViolations: found })
    document.addEventListener('securitypolicyviolation', (event) =>
      found.push(
        `${event.effectiveDirective} blocked ${event.blockedURI || 'inline'} (${event.sourceFile}:${event.lineNumber}) ${event.sample}`,
      ),
    )
  })
  return () =>
    page.evaluate(() => (window as unknown as { __cspViolations?: string[] }).__cspViolations ?? [])
}

export async function checkPage(
  context: BrowserContext,
  url: string,
  options: CheckOptions,
): Promise<PageReport> {
  const problems: string[] = []
  const page = await context.newPage()
  const violations = await listenForViolations(page)
  page.on('console', (message) => {
    if (message.type() === 'error' || message.type() === 'warning')
      problems.push(`console ${message.type()}: ${message.text()}`)
  })
  page.on('pageerror', (error) => problems.push(`uncaught exception: ${error.message}`))
  page.on('request', (request) => {
    const requestUrl = request.url()
    if (
      !requestUrl.startsWith('data:') &&
      !requestUrl.startsWith('blob:') &&
      new URL(requestUrl).origin !== options.origin
    ) {
      problems.push(`third-party request before any click: ${requestUrl}`)
    }
  })
  page.on('requestfailed', (request) =>
    problems.push(`failed request: ${request.url()} (${request.failure()?.errorText})`),
  )
  page.on('response', (response) => {
    if (response.status() >= 400 && response.url() !== url)
      problems.push(`HTTP ${response.status()}: ${response.url()}`)
  })

  // A step that waits for something that never comes fails this page, not the whole sweep.
  let timedOut = false
  const limit = setTimeout(() => {
    timedOut = true
    void page.close()
  }, PAGE_LIMIT_MS)
  try {
    const response = await page.goto(url, { waitUntil: 'load' })
    if (!response || response.status() >= 400)
      problems.push(`page answered HTTP ${response?.status()}`)
    // Lecture blocks far from the viewport skip rendering (content-visibility) and clip what
    // overflows them; the checks must see every block laid out, as a reader scrolling does.
    await page.addStyleTag({ content: '.article > * { content-visibility: visible !important }' })
    await scrollThrough(page)
    await settleDiagrams(page)
    await page.waitForLoadState('networkidle').catch(() => undefined)

    const state = await page.evaluate(() => {
      const figures = [...document.querySelectorAll<HTMLElement>('.mermaid-figure')]
      return {
        overflow: document.documentElement.scrollWidth - document.documentElement.clientWidth,
        blankDiagrams: figures
          .map((figure, index) => ({
            index,
            broken: figure.hasAttribute('data-broken'),
            svg: !!figure.querySelector('svg'),
            error: !!figure.querySelector('.mermaid-error'),
          }))
          .filter((diagram) => (diagram.broken ? !diagram.error : !diagram.svg || diagram.error))
          .map(
            (diagram) =>
              `diagram #${diagram.index + 1} ${diagram.broken ? 'declared broken but shows no error box' : 'is not an SVG'}`,
          ),
        formulas: document.querySelectorAll('.katex').length,
        katexErrors: document.querySelectorAll('.katex-error').length,
        katexFont: (() => {
          const formula = document.querySelector('.katex')
          return formula ? getComputedStyle(formula).fontFamily : ''
        })(),
      }
    })
    if (state.overflow > 1)
      problems.push(`page is ${state.overflow}px wider than the viewport (horizontal scroll)`)
    problems.push(...state.blankDiagrams)
    if (state.katexErrors > 0) problems.push(`${state.katexErrors} KaTeX formulas failed to render`)
    if (state.formulas > 0 && !state.katexFont.includes('KaTeX'))
      problems.push('KaTeX formulas are unstyled (KaTeX stylesheet missing)')

    problems.push(
      ...(await diagramLegibility(page)),
      ...(await rawMarkup(page)),
      ...(await brokenTableWords(page)),
    )
    for (const violation of await violations())
      problems.push(`Content-Security-Policy violation: ${violation}`)

    if (options.axe !== false) {
      await page.evaluate(() => window.scrollTo(0, 0))
      // Code tokens are left out: a lecture has a thousand of them, and their colours are proven
      // for every token class on both code backgrounds in both themes by
      // tests/unit/code-theme.test.ts. The block itself (scrollable, focusable) is still checked.
      const results = await new AxeBuilder({ page })
        .withTags(AXE_TAGS)
        .exclude('.code-block-body .line')
        .analyze()
      for (const violation of results.violations) {
        const targets = violation.nodes
          .slice(0, 3)
          .map((node) => node.target.join(' '))
          .join(' | ')
        problems.push(
          `axe ${violation.id} (${violation.impact}): ${violation.help} — ${violation.nodes.length} element(s): ${targets}`,
        )
      }
    }
    // Last: these two change the page (print media, the menu opened and closed).
    problems.push(...(await printContrast(page)), ...(await mobileMenuFocus(page)))
  } catch (error) {
    if (!timedOut) throw error
    problems.push(`the checks did not finish within ${PAGE_LIMIT_MS / 60_000} minutes`)
  } finally {
    clearTimeout(limit)
    await page.close()
  }
  return { url, problems }
}

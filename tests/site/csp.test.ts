import fs from 'node:fs'
import type { Browser } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { inlineScripts, scriptHash } from '@/lib/csp.ts'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'
import { htmlPages } from '../helpers/exported-site.ts'
import { listenForViolations } from '../helpers/page-checks.ts'

/**
 * The Content-Security-Policy every page carries. The sweep (sweep.test.ts) finds no violation
 * on any page in either theme; here: the policy's place and form, a video player the policy
 * lets in, and scripts an attacker might inject, which it keeps out.
 */
const siteUrl = inject('siteUrl')
const outDir = inject('outDir')
const policyOf = (html: string) =>
  /<meta http-equiv="Content-Security-Policy" content="([^"]+)"\/>/.exec(html)?.[1]

describe('the policy in every page', () => {
  it('comes first in the head after the charset, and lists each inline script by its hash', () => {
    const problems: string[] = []
    for (const { file, urlPath } of htmlPages(outDir)) {
      const html = fs.readFileSync(file, 'utf8')
      if (!/<head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy"/.test(html))
        problems.push(`${urlPath}: the policy is not the first element after the charset`)
      const policy = policyOf(html) ?? ''
      const scriptSources = /script-src ([^;]+)/.exec(policy)?.[1]?.split(' ') ?? []
      for (const script of inlineScripts(html))
        if (!scriptSources.includes(scriptHash(script)))
          problems.push(`${urlPath}: an inline script without its hash: ${script.slice(0, 60)}`)
      for (const loose of ["'unsafe-inline'", "'unsafe-eval'"])
        if (scriptSources.includes(loose)) problems.push(`${urlPath}: script-src allows ${loose}`)
      for (const directive of ["default-src 'self'", "object-src 'none'", "base-uri 'self'"])
        if (!policy.includes(directive)) problems.push(`${urlPath}: lacks ${directive}`)
    }
    expect(problems).toEqual([])
  })
})

describe.skipIf(skipBrowser)('the policy in a real browser', () => {
  let browser: Browser
  beforeAll(async () => {
    browser = await launchBrowser()
  })
  afterAll(async () => {
    await browser?.close()
  })

  it('lets a video player in once the reader presses play', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const violations = await listenForViolations(page)
    const frames: string[] = []
    page.on('request', (request) => {
      if (request.resourceType() === 'document' && request.frame() !== page.mainFrame())
        frames.push(new URL(request.url()).host)
    })
    await page.goto(`${siteUrl}/handbook/video/`, { waitUntil: 'networkidle' })
    await page.locator('[data-video] .video-play').first().click()
    await page.locator('[data-video] iframe').first().waitFor({ state: 'attached' })
    await expect.poll(() => frames.length).toBeGreaterThan(0)
    expect(frames[0]).toMatch(/^(?:www\.youtube-nocookie\.com|player\.bilibili\.com)$/)
    expect(await violations()).toEqual([])
    await context.close()
  })

  it('blocks a script injected into a page, inline or as an event handler', async () => {
    const context = await newContext(browser)
    const page = await context.newPage()
    const violations = await listenForViolations(page)
    await page.goto(`${siteUrl}/distributed-systems/lecture-01/`, { waitUntil: 'load' })
    const ran = await page.evaluate(async () => {
      const state = window as unknown as Record<string, unknown>
      const script = document.createElement('script')
      script.textContent = 'window.injectedInline = true'
      document.body.append(script)
      const image = document.createElement('div')
      image.innerHTML = '<img src="data:," onload="window.injectedHandler = true">'
      document.body.append(image)
      await new Promise((resolve) => setTimeout(resolve, 200))
      return { inline: !!state.injectedInline, handler: !!state.injectedHandler }
    })
    expect(ran).toEqual({ inline: false, handler: false })
    const blocked = await violations()
    expect(blocked.some((line) => line.startsWith('script-src-elem blocked inline'))).toBe(true)
    expect(blocked.some((line) => line.startsWith('script-src-attr blocked inline'))).toBe(true)
    await context.close()
  })
})

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'
import { checkPage } from '../helpers/page-checks.ts'
import { liveSim, logTexts, recordScripts, stepTimes } from '../helpers/sim-page.ts'
import { SIMULATION_MARKS } from '@/lib/sim/code-marks.ts'

/**
 * RaftSim in Chromium, on the handbook's simulations page: a reader plays, steps, crashes the
 * leader and reads the new election from the text event log; the same seed replays the same
 * run. The outcome is read from the log, as a screen-reader user would.
 */
const siteUrl = inject('siteUrl')
const origin = new URL(siteUrl).origin
const simulationsPage = `${siteUrl}/handbook/simulations/`
/** A string only the Raft core's chunk contains. */
const RAFT_CODE_MARK = SIMULATION_MARKS.raft

const electedPattern = /(S\d) 得到多数票，成为任期 (\d+) 的领导者/

describe.skipIf(skipBrowser)('RaftSim in the browser', () => {
  let browser: Browser
  let context: BrowserContext
  beforeAll(async () => {
    browser = await launchBrowser()
    context = await newContext(browser)
  })
  afterAll(async () => {
    await context?.close()
    await browser?.close()
  })

  it('shows the start state without its code, and loads the code only near the figure', async () => {
    const page = await context.newPage()
    const scripts = recordScripts(page)
    await page.goto(`${siteUrl}/handbook/video/`)
    await page.waitForLoadState('networkidle')
    expect(scripts.some((body) => body.includes(RAFT_CODE_MARK))).toBe(false)

    // The start state is in the HTML itself, drawn at build time.
    const html = await (await page.request.get(simulationsPage)).text()
    expect(html).toContain('data-sim="raft"')
    expect(html).toMatch(/class="raft-server" data-role="follower"[^>]*>[\s\S]*?>S5</)

    await page.goto(simulationsPage)
    await liveSim(page, 'raft')
    await page.waitForLoadState('networkidle')
    expect(scripts.some((body) => body.includes(RAFT_CODE_MARK))).toBe(true)
    await page.close()
  })

  it('plays, steps, and elects a new leader after the reader crashes the old one', async () => {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(simulationsPage)
    const sim = await liveSim(page, 'raft')
    const clock = sim.locator('.sim-clock')
    expect(await clock.textContent()).toContain('0.000 秒')

    await sim.getByRole('button', { name: '单步' }).click()
    expect(await clock.textContent()).not.toContain('0.000 秒')
    expect((await logTexts(sim)).join('\n')).toContain('选举超时')

    await sim.getByRole('button', { name: '4×' }).click()
    await sim.getByRole('button', { name: '播放' }).click()
    await expect
      .poll(async () => (await logTexts(sim)).some((text) => electedPattern.test(text)), {
        timeout: 20_000,
      })
      .toBe(true)
    await sim.getByRole('button', { name: '暂停' }).click()
    const [, leader, term] = (await logTexts(sim))
      .find((text) => electedPattern.test(text))!
      .match(electedPattern)!
    await sim.getByRole('button', { name: `崩溃 ${leader}` }).click()
    expect((await logTexts(sim)).at(-1)).toContain(`${leader} 崩溃`)
    await sim.getByRole('button', { name: `重启 ${leader}` }).waitFor()

    await sim.getByRole('button', { name: '播放' }).click()
    await expect
      .poll(
        async () =>
          (await logTexts(sim)).some((text) => {
            const match = text.match(electedPattern)
            return !!match && match[1] !== leader && Number(match[2]) > Number(term)
          }),
        { timeout: 30_000 },
      )
      .toBe(true)
    await sim.getByRole('button', { name: '暂停' }).click()
    expect(errors).toEqual([])
    await page.close()
  })

  it('replays the same run from the same seed, with the reader’s actions, and another run from another seed', async () => {
    const page = await context.newPage()
    await page.goto(simulationsPage)
    const sim = await liveSim(page, 'raft')

    await stepTimes(sim, 25)
    const first = await logTexts(sim)
    expect(first.length).toBeGreaterThan(5)
    await sim.getByRole('button', { name: '重置' }).click()
    expect(await logTexts(sim)).toEqual([])
    await stepTimes(sim, 25)
    expect(await logTexts(sim)).toEqual(first)

    // The reader crashes S2 mid-run; 重放 repeats the run with the crash at the same place.
    await sim.getByRole('button', { name: '崩溃 S2' }).click()
    await stepTimes(sim, 15)
    const withCrash = await logTexts(sim)
    await sim.getByRole('button', { name: '重放' }).click()
    await expect
      .poll(async () => (await logTexts(sim)).length, { timeout: 30_000 })
      .toBeGreaterThanOrEqual(withCrash.length)
    await sim.getByRole('button', { name: '暂停' }).click()
    expect((await logTexts(sim)).slice(0, withCrash.length)).toEqual(withCrash)

    const seed = sim.getByRole('spinbutton', { name: '种子' })
    await seed.fill('12345')
    await stepTimes(sim, 25)
    expect(await logTexts(sim)).not.toEqual(first)
    await page.close()
  })

  it('with reduced motion, plays in discrete steps', async () => {
    const page = await context.newPage()
    await page.emulateMedia({ reducedMotion: 'reduce' })
    await page.goto(simulationsPage)
    const sim = await liveSim(page, 'raft')
    await expect.poll(() => sim.locator('.sim-box').getAttribute('data-motion')).toBe('steps')
    await sim.getByRole('button', { name: '4×' }).click()
    await sim.getByRole('button', { name: '播放' }).click()
    await expect
      .poll(async () => (await logTexts(sim)).length, { timeout: 20_000 })
      .toBeGreaterThan(2)
    await sim.getByRole('button', { name: '暂停' }).click()
    await page.close()
  })

  for (const theme of ['light', 'dark'] as const) {
    it(`passes the page checks with the simulation live, ${theme} theme`, async () => {
      const themed = await newContext(browser, { theme })
      const report = await checkPage(themed, simulationsPage, { origin })
      await themed.close()
      expect(report.problems).toEqual([])
    })
  }
})

import type { Browser, BrowserContext } from 'playwright-core'
import { afterAll, beforeAll, describe, expect, inject, it } from 'vitest'
import { launchBrowser, newContext, skipBrowser } from '../helpers/browser.ts'
import { liveSim, logTexts, recordScripts, stepTimes } from '../helpers/sim-page.ts'
import { SIMULATION_MARKS } from '@/lib/sim/code-marks.ts'

/**
 * MapReduceSim and HashRing in Chromium, on the handbook's simulations page: a reader steps,
 * plays and pauses, crashes a worker or adds and removes a node, and reads what happened from
 * the text event log; pages without them load none of their code. (The page checks of the pages
 * that carry them, in both themes and on a phone, are the sweep's.)
 */
const siteUrl = inject('siteUrl')
const simulationsPage = `${siteUrl}/handbook/simulations/`
/** Strings only the cores' chunks contain. */
const MAPREDUCE_CODE_MARK = SIMULATION_MARKS.mapreduce
const HASHRING_CODE_MARK = SIMULATION_MARKS.hashring

const has = (texts: string[], pattern: RegExp) => texts.some((text) => pattern.test(text))

describe.skipIf(skipBrowser)('MapReduceSim and HashRing in the browser', () => {
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

  it('ships their start pictures as HTML, and their code only to pages that have them', async () => {
    const html = await (await context.request.get(simulationsPage)).text()
    expect(html).toContain('data-sim="mapreduce"')
    expect(html).toContain('data-sim="hashring"')
    expect(html).toContain('class="mr-task" data-state="idle"')

    const page = await context.newPage()
    const scripts = recordScripts(page)
    await page.goto(`${siteUrl}/handbook/video/`)
    await page.waitForLoadState('networkidle')
    for (const mark of [MAPREDUCE_CODE_MARK, HASHRING_CODE_MARK])
      expect(scripts.some((body) => body.includes(mark))).toBe(false)

    await page.goto(`${siteUrl}/distributed-systems/lecture-01/`)
    await liveSim(page, 'mapreduce')
    await page.waitForLoadState('networkidle')
    expect(scripts.some((body) => body.includes(MAPREDUCE_CODE_MARK))).toBe(true)
    expect(scripts.some((body) => body.includes(HASHRING_CODE_MARK))).toBe(false)
    await page.close()
  })

  it('MapReduce: steps, plays to the crash, and finishes the job on one worker after the reader crashes another', async () => {
    const page = await context.newPage()
    const errors: string[] = []
    page.on('pageerror', (error) => errors.push(error.message))
    await page.goto(simulationsPage)
    const sim = await liveSim(page, 'mapreduce')
    const clock = sim.locator('.sim-clock')

    await stepTimes(sim, 2)
    expect(await logTexts(sim)).toEqual([
      '0.000 秒 协调者把 map 1 交给 W1',
      '0.001 秒 协调者把 map 2 交给 W2',
    ])
    await sim.getByRole('button', { name: '单步' }).click()
    expect(await clock.textContent()).toContain('0.002 秒')

    await sim.getByRole('button', { name: '4×' }).click()
    await sim.getByRole('button', { name: '播放' }).click()
    await expect
      .poll(
        async () =>
          has(await logTexts(sim), /协调者认定 W2 失败：它手上的 map 5 重新发出；它已完成的 map 2/),
        {
          timeout: 20_000,
        },
      )
      .toBe(true)
    await sim.getByRole('button', { name: '暂停' }).click()

    await sim.getByRole('button', { name: '崩溃 W1' }).click()
    expect((await logTexts(sim)).at(-1)).toMatch(/W1 崩溃，本地磁盘上的数据随之丢失$/)
    await sim.getByRole('button', { name: '重启 W1' }).waitFor()
    await sim.getByRole('button', { name: '播放' }).click()
    await expect
      .poll(async () => has(await logTexts(sim), /所有 reduce 任务都已提交，作业完成/), {
        timeout: 40_000,
      })
      .toBe(true)
    const log = await logTexts(sim)
    const crash = log.findIndex((text) => /W1 崩溃/.test(text))
    expect(has(log.slice(crash), /协调者认定 W1 失败/)).toBe(true)
    // After W1 and W2 died, W3 alone did the rest of the work.
    const after = log.slice(crash).filter((text) => / W\d 完成 (map|reduce) \d/.test(text))
    expect(after.length).toBeGreaterThan(0)
    expect(after.every((text) => / W3 完成/.test(text))).toBe(true)
    expect(log.filter((text) => /完成 reduce \d，输出文件原子改名，提交/.test(text))).toHaveLength(
      3,
    )
    expect(errors).toEqual([])
    await page.close()
  })

  it('HashRing: plays the join, then the reader removes the new node and changes the virtual nodes', async () => {
    const page = await context.newPage()
    await page.goto(simulationsPage)
    const sim = await liveSim(page, 'hashring')
    const moved = sim.locator('.hr-key[data-moved]')
    expect(await moved.count()).toBe(0)

    await sim.getByRole('button', { name: '播放' }).click()
    await expect.poll(async () => (await logTexts(sim)).length, { timeout: 20_000 }).toBe(1)
    await sim.getByRole('button', { name: '暂停' }).click()
    expect((await logTexts(sim))[0]).toMatch(
      /^1\.000 秒 加入 N5：一致性哈希下 13 个键（22%）改由 N5 负责，其余不动；若用 hash mod N（N 从 4 变 5），40 个键（67%）要换节点$/,
    )
    expect(await moved.count()).toBe(13)
    expect(await sim.locator('.hr-compare').textContent()).toMatch(
      /一致性哈希移动了 13 个键；同样的变动用 hash mod N 会移动 40 个/,
    )

    await sim.getByRole('button', { name: '移除 N5' }).click()
    expect((await logTexts(sim)).at(-1)).toMatch(/移除 N5：只有它负责的 13 个键（22%）移动/)
    await sim.getByRole('button', { name: '64', exact: true }).click()
    expect((await logTexts(sim)).at(-1)).toMatch(/每个节点改用 64 个虚拟节点/)
    expect(await sim.locator('.hr-vnode').count()).toBe(4 * 64)

    // Stepping with the keyboard after a reset plays the scripted join again, and nothing after it.
    await sim.getByRole('button', { name: '重置' }).click()
    await stepTimes(sim, 2)
    const log = await logTexts(sim)
    expect(log).toHaveLength(1)
    expect(log[0]).toContain('加入 N5')
    await page.close()
  })
})

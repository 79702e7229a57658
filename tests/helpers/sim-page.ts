import type { Locator, Page } from 'playwright-core'

/**
 * Driving a simulation on a page as a reader does: scroll to it, wait for its live code, read
 * its text event log, step with the keyboard. Shared by the browser tests of each simulation.
 */

/** The `index`-th simulation of a kind on the page, once its live version has replaced the picture. */
export async function liveSim(page: Page, kind: string, index = 0): Promise<Locator> {
  const figure = page.locator(`figure[data-sim="${kind}"]`).nth(index)
  await figure.scrollIntoViewIfNeeded()
  await figure.locator('.sim-loader[data-state="live"]').waitFor()
  return figure.locator('.sim-live')
}

export const logTexts = (sim: Locator) => sim.locator('.sim-log-list > li').allTextContents()

/** Presses → on the picture `count` times: one event each. */
export async function stepTimes(sim: Locator, count: number) {
  const stage = sim.locator('.sim-stage')
  await stage.focus()
  for (let i = 0; i < count; i++) await stage.press('ArrowRight')
}

/** Collects the bodies of the JavaScript a page loads. */
export function recordScripts(page: Page): string[] {
  const bodies: string[] = []
  page.on('response', async (response) => {
    if (response.url().endsWith('.js')) bodies.push(await response.text().catch(() => ''))
  })
  return bodies
}

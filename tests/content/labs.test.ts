import { describe, expect, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import { checkLab } from '@/lib/labs/check-labs.ts'
import { goAvailable } from '@/lib/samples/check-samples.ts'

/**
 * `check:labs` in the test command: every lab kit of the real content — the reference solution
 * passes each part's command with -race, the skeleton fails every graded test quickly. New labs
 * are covered as soon as their handout declares a kit.
 */
const kits = getSite({ includeDrafts: true })
  .courses.flatMap((course) => course.labs)
  .filter((lab) => lab.kit)
const requireGo = process.env.CI === 'true'
if (!goAvailable())
  console.warn('⚠ Lab kits are NOT checked: install Go (apt-get install golang-go).')

// The labs run side by side: their suites mostly wait on simulated timeouts, and one after
// another they were the longest file of the test command (about 5 minutes).
describe.concurrent('every lab kit passes check:labs', () => {
  if (kits.length === 0) it.skip('no lab declares a kit yet', () => {})
  for (const lab of kits) {
    it.skipIf(!goAvailable() && !requireGo)(
      `${lab.contentPath}`,
      async () => {
        const report = await checkLab(lab)
        console.log(
          `${lab.id}: reference ${report.referenceSeconds.toFixed(1)} s, skeleton ${report.skeletonSeconds.toFixed(1)} s`,
        )
        expect(
          report.failures.map((failure) => `${failure.line ?? ''}: ${failure.message}`),
        ).toEqual([])
      },
      600_000,
    )
  }
})

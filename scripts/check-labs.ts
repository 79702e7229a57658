/**
 * `npm run check:labs [--repeat N] [--jobs N] [lab-id…]`: checks every lab kit of every course
 * (or the labs named): go vet, the reference solution passes each part's command with -race,
 * the skeleton fails every graded test quickly. Prints each suite's time; exits 1 on a failure.
 */
import os from 'node:os'
import { getSite } from '../lib/content/index.ts'
import { displayPath } from '../lib/content/errors.ts'
import { checkLabs } from '../lib/labs/check-labs.ts'
import { goAvailable } from '../lib/samples/check-samples.ts'

const args = process.argv.slice(2)
const option = (name: string, fallback: number) => {
  const index = args.indexOf(name)
  if (index === -1) return fallback
  const value = Number(args.splice(index, 2)[1])
  if (!Number.isInteger(value) || value < 1) {
    console.error(`${name} takes a whole number of at least 1`)
    process.exit(2)
  }
  return value
}
const repeat = option('--repeat', 1)
const jobs = option('--jobs', Math.max(1, Math.floor(os.availableParallelism() / 2)))
const labs = getSite({ includeDrafts: true })
  .courses.flatMap((course) => course.labs)
  .filter((lab) => lab.kit && (args.length === 0 || args.includes(lab.id)))

if (!goAvailable()) {
  console.error('✖ Labs NOT checked: `go` is not installed (Debian: apt-get install golang-go).')
  process.exit(process.env.CI === 'true' ? 1 : 0)
}
if (labs.length === 0) console.log('No lab kits to check.')
const reports = await checkLabs(labs, {
  repeat,
  jobs,
  onReport: (report) =>
    console.log(
      `${report.failures.length === 0 ? '✓' : '✖'} ${report.lab}: reference ${report.referenceSeconds.toFixed(1)} s, skeleton ${report.skeletonSeconds.toFixed(1)} s`,
    ),
})
const failures = reports.flatMap((report) => report.failures)
for (const failure of failures)
  console.error(
    `\n${displayPath(failure.file)}${failure.line ? `:${failure.line}` : ''}: ${failure.message}`,
  )
process.exit(failures.length > 0 ? 1 : 0)

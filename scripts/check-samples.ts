/**
 * `npm run check:samples [files…]`: builds and runs the Go and Python samples of every page
 * (or of the files given), and vets and tests (with -race) every course's module of included
 * programs (content/<course>/code/). Without Go or python3 installed it says loudly what it skipped.
 */
import path from 'node:path'
import { codeModuleOf, getSite } from '../lib/content/index.ts'
import { displayPath } from '../lib/content/errors.ts'
import {
  checkGoModule,
  checkGoSamples,
  checkPythonSamples,
  goAvailable,
  pythonAvailable,
} from '../lib/samples/check-samples.ts'
import { extractSamples } from '../lib/samples/extract.ts'

const requested = process.argv.slice(2).map((file) => path.resolve(file))
const courses = getSite({ includeDrafts: true }).courses
const files =
  requested.length > 0
    ? requested
    : courses.flatMap((course) => [
        ...(course.overview ? [course.overview.file] : []),
        ...course.lectures.map((lecture) => lecture.file),
      ])
const modules =
  requested.length > 0 ? [] : courses.flatMap((course) => codeModuleOf(course.dir) ?? [])

const go = files.flatMap((file) => extractSamples(file, ['go']))
const python = files.flatMap((file) => extractSamples(file, ['python', 'py']))
const failures = []
if (goAvailable()) {
  const report = checkGoSamples(go)
  failures.push(...report.failures)
  console.log(`Go: ${report.checked} whole-file samples vetted and built, ${report.ran} run`)
  for (const dir of modules) {
    const started = Date.now()
    const tested = checkGoModule(dir)
    failures.push(...tested.failures)
    console.log(
      `Go: ${displayPath(dir)} vetted and tested with -race in ${((Date.now() - started) / 1000).toFixed(1)} s`,
    )
  }
} else {
  console.warn(
    '⚠ Go samples NOT checked: `go` is not installed (Debian: apt-get install golang-go).',
  )
}
if (pythonAvailable()) {
  const report = checkPythonSamples(python)
  failures.push(...report.failures)
  console.log(`Python: ${report.ran} samples run`)
} else {
  console.warn('⚠ Python samples NOT checked: `python3` is not installed.')
}
for (const failure of failures)
  console.error(`${displayPath(failure.file)}:${failure.line}: ${failure.message}`)
process.exit(failures.length > 0 ? 1 : 0)

/**
 * The pre-build content check (`npm run check:content`, run by `npm run build` and `npm run dev`).
 * Loads and validates every course, then compiles every page with the site's MDX pipeline, and
 * prints every author mistake with its file and line before Next.js starts, then exits 1.
 */
import { performance } from 'node:perf_hooks'
import { getSite, isContentError, type ContentProblem, formatProblem } from '../lib/content/index.ts'
import { compilePage } from '../lib/mdx/compile.ts'

const started = performance.now()
const problems: ContentProblem[] = []
let pages = 0

try {
  // Every file is checked, drafts too: the bundler compiles them all.
  const site = getSite({ includeDrafts: true })
  for (const course of site.courses) {
    const files = [course.overview?.file, ...course.lectures.map((lecture) => lecture.file)].filter((file): file is string => !!file)
    for (const file of files) {
      pages++
      try {
        await compilePage(file, { mode: 'check' })
      } catch (error) {
        if (!isContentError(error)) throw error
        problems.push(...error.problems)
      }
    }
  }
} catch (error) {
  if (!isContentError(error)) throw error
  problems.push(...error.problems)
}

if (problems.length > 0) {
  console.error(`\n✖ The content has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}:\n`)
  for (const problem of problems) console.error(`  ${formatProblem(problem)}\n`)
  process.exit(1)
}
console.log(`✓ Content checked: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`)

/**
 * The pre-build content check (`npm run check:content`, run first by `npm run build`).
 * Validates every course and compiles every page with the site's MDX pipeline, then prints
 * every author mistake with its file and line and exits 1, before Next.js even starts.
 */
import { performance } from 'node:perf_hooks'

// `--production` checks links as the production build sees the site: without drafts.
if (process.argv.includes('--production')) Object.assign(process.env, { NODE_ENV: 'production' })
const { checkSite } = await import('../lib/check-site.ts')
const { formatProblem } = await import('../lib/content/index.ts')

const started = performance.now()
const { pages, problems } = await checkSite()
if (problems.length > 0) {
  console.error(
    `\n✖ The content has ${problems.length === 1 ? '1 problem' : `${problems.length} problems`}:\n`,
  )
  for (const problem of problems) console.error(`  ${formatProblem(problem)}\n`)
  process.exit(1)
}
console.log(
  `✓ Content checked: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

/**
 * `npm run new:lecture -- COURSE [SLUG] [--title 标题] [--description 一句话] [--part PART-ID]`:
 * writes content/COURSE/SLUG.mdx (SLUG defaults to the next lecture-NN) with valid frontmatter
 * and lists it at the end of a part in course.yaml (the last part unless --part names one).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { formatProblem, isContentError } from '../lib/content/index.ts'
import { displayPath } from '../lib/content/errors.ts'
import { scaffoldLecture } from '../lib/content/scaffold.ts'
import { contentDir } from '../lib/site-config.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    description: { type: 'string' },
    part: { type: 'string' },
  },
})
const [course, slug] = positionals
if (!course || positionals.length > 2) {
  console.error(
    'Usage: npm run new:lecture -- COURSE [SLUG] [--title 标题] [--description 一句话] [--part PART-ID]',
  )
  process.exit(2)
}
try {
  const title = values.title ?? '新的一讲'
  const { file, manifestLine } = scaffoldLecture(contentDir, course, {
    slug,
    title,
    description: values.description ?? `${title}：这一讲讲什么，一句话。`,
    part: values.part,
  })
  console.log(`✓ Created ${displayPath(file)}`)
  const manifest = displayPath(path.join(contentDir, course, 'course.yaml'))
  console.log(`  and listed it in ${manifest} at line ${manifestLine}.`)
} catch (error) {
  if (!isContentError(error)) throw error
  for (const problem of error.problems) console.error(`✖ ${formatProblem(problem)}`)
  process.exit(1)
}

/**
 * `npm run new:course -- SLUG [--title 标题] [--description 一句话] [--language zh-CN]
 * [--languages go,python]`: creates content/SLUG/ with course.yaml, overview.mdx and a first
 * lecture that pass the content check, so `npm run dev` and `npm run build` work at once.
 * `--languages ''` makes a course without code (check:bar then asks for none).
 */
import path from 'node:path'
import { parseArgs } from 'node:util'
import { formatProblem, isContentError } from '../lib/content/index.ts'
import { displayPath } from '../lib/content/errors.ts'
import { scaffoldCourse } from '../lib/content/scaffold.ts'
import { contentDir } from '../lib/site-config.ts'

const { values, positionals } = parseArgs({
  allowPositionals: true,
  options: {
    title: { type: 'string' },
    description: { type: 'string' },
    language: { type: 'string', default: 'zh-CN' },
    languages: { type: 'string', default: 'go' },
  },
})
const slug = positionals[0]
if (!slug || positionals.length > 1) {
  console.error(
    'Usage: npm run new:course -- SLUG [--title 标题] [--description 一句话] [--languages go,python]\n' +
      '  SLUG is the folder under content/ and the URL, e.g. databases.',
  )
  process.exit(2)
}
const title = values.title ?? slug
try {
  const files = scaffoldCourse(contentDir, slug, {
    title,
    description: values.description ?? `${title}：课程简介，一句话。`,
    language: values.language,
    languages: values.languages
      .split(',')
      .map((name) => name.trim())
      .filter(Boolean),
  })
  console.log(`✓ Created the course ${slug}:`)
  for (const file of files) console.log(`    ${displayPath(file)}`)
  console.log(
    `\nNext: edit the title and description in ${displayPath(path.join(contentDir, slug, 'course.yaml'))},` +
      `\n      npm run dev and open /${slug}/; add lectures with npm run new:lecture -- ${slug}`,
  )
} catch (error) {
  if (!isContentError(error)) throw error
  for (const problem of error.problems) console.error(`✖ ${formatProblem(problem)}`)
  process.exit(1)
}

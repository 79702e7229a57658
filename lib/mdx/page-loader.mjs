// The loader of every page under content/: @next/mdx's own, with two additions for `next dev`.
// 1. A page (lecture or lab handout) depends on its course.yaml and on site.yaml, so editing the manifest recompiles the
//    page (its number, its neighbours, "not listed") without a restart.
// 2. In development a content mistake does not fail the module, which would take every page that
//    shares the page import down with it: the page becomes one that shows the mistake, with its
//    file and line, what is wrong and what is allowed. Production builds fail as before.
import path from 'node:path'
import mdxLoader from '@next/mdx/mdx-js-loader.js'
import { syntaxProblem } from '../content/page-summary.ts'
import { LAB_FOLDER } from '../urls.ts'

/** ContentError's problems, or the located problem of a parser's syntax error. */
function problemsOf(error, file) {
  return error && Array.isArray(error.problems) ? error.problems : [syntaxProblem(file, error)]
}

function problemModule(problems) {
  return [
    "import { ContentProblems } from '@/components/content-problems'",
    `const problems = ${JSON.stringify(problems)}`,
    'export default function MDXContent() {',
    '  return <ContentProblems problems={problems} />',
    '}',
  ].join('\n')
}

export default function pageLoader(source, ...rest) {
  const file = this.resourcePath
  // A lecture sits in its course folder, a lab handout in the course's labs/ folder.
  const folder = path.dirname(file)
  const courseDir = path.basename(folder) === LAB_FOLDER ? path.dirname(folder) : folder
  this.addDependency(path.join(courseDir, 'course.yaml'))
  this.addDependency(path.join(path.dirname(courseDir), 'site.yaml'))
  const done = this.async()
  const development = this.mode === 'development'
  const proxy = new Proxy(this, {
    get(target, property, receiver) {
      if (property === 'async')
        return () => (error, code, map) => {
          if (error && development) done(null, problemModule(problemsOf(error, file)))
          else done(error, code, map)
        }
      return Reflect.get(target, property, receiver)
    },
  })
  mdxLoader.call(proxy, source, ...rest)
}

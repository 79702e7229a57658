import path from 'node:path'
import { formatOf } from '../mdx/parse.ts'
import type { Overview } from './model.ts'
import { pageSummary } from './page-summary.ts'
import { parseYamlWith } from './parse-yaml.ts'
import { OverviewFrontmatterSchema } from './schema.ts'

/** The course home's prose: `overview.mdx`, with optional frontmatter. */
export function loadOverview(file: string, course: string): Overview {
  const { frontmatter, analysis } = pageSummary(file)
  const data = frontmatter
    ? parseYamlWith(OverviewFrontmatterSchema, frontmatter.text, {
        file,
        lineOffset: frontmatter.line,
      }).data
    : {}
  return {
    file,
    contentPath: `${course}/${path.basename(file)}`,
    format: formatOf(file),
    title: data.title,
    description: data.description,
    headings: analysis.headings,
    anchors: analysis.anchors,
    hasMermaid: analysis.hasMermaid,
  }
}

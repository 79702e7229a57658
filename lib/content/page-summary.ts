import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { parseLecture } from '../mdx/parse.ts'
import { analyzeTree, type PageAnalysis } from './analyze.ts'
import { ContentError, type ContentProblem } from './errors.ts'
import { formatOf } from '../mdx/parse.ts'

/** What the content model needs from a page's source: its frontmatter text and its analysis. */
export interface PageSummary {
  frontmatter: { text: string; line: number } | undefined
  analysis: PageAnalysis
}

/**
 * Parsing every page is the content model's main cost, and the bundler runs it in several
 * worker processes at once. Summaries are therefore cached on disk, keyed by the file's size
 * and mtime and by the code that computes them, so each page is parsed once per change.
 */
const CACHE_DIR = path.join(process.cwd(), 'node_modules', '.cache', 'course-site', 'pages')
// Paths from the project root: this module also runs bundled, where import.meta.dirname is not the source folder.
const CODE_FILES = [
  'lib/content/analyze.ts',
  'lib/mdx/heading-ids.ts',
  'lib/mdx/parse.ts',
  'lib/content/page-summary.ts',
]
const CODE_VERSION = createHash('sha256')
  .update(
    CODE_FILES.map((file) =>
      fs.existsSync(file) ? fs.readFileSync(path.join(process.cwd(), file), 'utf8') : file,
    ).join('\0'),
  )
  .digest('hex')
  .slice(0, 16)

const memory = new Map<string, { key: string; summary: PageSummary }>()

/** Turns a parser's VFileMessage into a located problem. */
export function syntaxProblem(file: string, error: unknown): ContentProblem {
  const message = error as { reason?: string; message?: string; line?: number; column?: number }
  const reason = message.reason ?? message.message ?? String(error)
  const unclosed = /^Expected a closing tag for `(<[^`]+>)` \((\d+):(\d+)-\d+:\d+\)/.exec(reason)
  if (unclosed) {
    // The parser reports an element left open at the end of the file without a place of its own.
    const [, tag, line, column] = unclosed
    const name = /^<([^\s>]+)/.exec(tag!)?.[1]
    return {
      file,
      line: Number(line),
      column: Number(column),
      message: `MDX syntax error: ${tag} is opened here and never closed`,
      hint: `Close it with </${name}>; a component around Markdown takes its closing tag on a line of its own, after a blank line.`,
    }
  }
  return {
    file,
    line: message.line ?? undefined,
    column: message.column ?? undefined,
    message: `${formatOf(file) === 'md' ? 'Markdown' : 'MDX'} syntax error: ${reason}`,
    hint:
      formatOf(file) === 'mdx'
        ? 'In MDX, `{` starts a JavaScript expression and `<` a JSX tag: write \\{ and \\<, put code in backticks, and math in $…$.'
        : undefined,
  }
}

function summarize(file: string): PageSummary {
  const source = fs.readFileSync(file, 'utf8')
  let tree
  try {
    tree = parseLecture(source, file)
  } catch (error) {
    throw new ContentError([syntaxProblem(file, error)])
  }
  const first = tree.children[0]
  const frontmatter =
    first?.type === 'yaml'
      ? { text: first.value, line: first.position?.start.line ?? 1 }
      : undefined
  return { frontmatter, analysis: analyzeTree(tree) }
}

export function pageSummary(file: string): PageSummary {
  const stat = fs.statSync(file)
  const key = `${CODE_VERSION}:${stat.size}:${stat.mtimeMs}`
  const cached = memory.get(file)
  if (cached?.key === key) return cached.summary

  const cacheFile = path.join(
    CACHE_DIR,
    `${createHash('sha256').update(file).digest('hex').slice(0, 24)}.json`,
  )
  try {
    const stored = JSON.parse(fs.readFileSync(cacheFile, 'utf8')) as {
      key: string
      summary: PageSummary & { analysis: { anchors: string[] } }
    }
    if (stored.key === key) {
      const summary = {
        ...stored.summary,
        analysis: { ...stored.summary.analysis, anchors: new Set(stored.summary.analysis.anchors) },
      }
      memory.set(file, { key, summary })
      return summary
    }
  } catch {
    // No usable cache entry: parse below.
  }

  const summary = summarize(file)
  memory.set(file, { key, summary })
  try {
    fs.mkdirSync(CACHE_DIR, { recursive: true })
    const temporary = `${cacheFile}.${process.pid}.tmp`
    fs.writeFileSync(
      temporary,
      JSON.stringify({
        key,
        summary: {
          ...summary,
          analysis: { ...summary.analysis, anchors: [...summary.analysis.anchors] },
        },
      }),
    )
    fs.renameSync(temporary, cacheFile)
  } catch {
    // A read-only tree still works, only slower.
  }
  return summary
}

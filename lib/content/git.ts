import { spawnSync } from 'node:child_process'
import path from 'node:path'

/**
 * When a content file last changed, from git. A shallow clone (CI checkouts, GitHub Actions
 * without fetch-depth: 0) or a copy without .git gives no trustworthy date: then there is no
 * date at all, rather than a wrong one.
 */

let historyUsable: boolean | undefined

function git(args: string[], cwd: string): string | undefined {
  const result = spawnSync('git', args, { cwd, encoding: 'utf8' })
  return result.status === 0 ? result.stdout.trim() : undefined
}

function hasFullHistory(cwd: string): boolean {
  historyUsable ??=
    git(['rev-parse', '--is-inside-work-tree'], cwd) === 'true' &&
    git(['rev-parse', '--is-shallow-repository'], cwd) === 'false'
  return historyUsable
}

const cache = new Map<string, string | undefined>()

/** Starts each commit in the log we read (git writes it for %x01). */
const COMMIT = '\u0001'

/** A commit whose subject carries this marks a change of form only (a reformat, a rename of markup). */
export const FORMAT_ONLY_MARK = '[format]'

/**
 * ISO date of the last commit that changed what `file` says, or undefined when git cannot say.
 * A commit does not count when it changes only whitespace: git compares the file word by word
 * with every non-space character a word, so reflowed lines, re-indentation, blank lines and a
 * formatter's line breaks are no change. Nor does a commit whose subject carries
 * FORMAT_ONLY_MARK (a formatter run that also changed characters, such as list markers).
 */
export function lastUpdated(file: string): string | undefined {
  if (cache.has(file)) return cache.get(file)
  const cwd = path.dirname(file)
  let date: string | undefined
  if (hasFullHistory(cwd)) {
    const output = git(
      [
        'log',
        '-p',
        '--word-diff=porcelain',
        '--word-diff-regex=[^[:space:]]',
        '--format=%x01%cI %s',
        '--',
        path.basename(file),
      ],
      cwd,
    )
    date = output ? lastContentChange(output) : undefined
  }
  cache.set(file, date)
  return date
}

/** The date of the newest commit, in the log lastUpdated reads, whose diff adds or removes a word. */
export function lastContentChange(log: string): string | undefined {
  for (const entry of log.split(COMMIT).slice(1)) {
    const [header = '', ...patch] = entry.split('\n')
    if (header.includes(FORMAT_ONLY_MARK)) continue
    let inHunk = false
    for (const line of patch) {
      if (line.startsWith('diff --git ')) inHunk = false
      else if (line.startsWith('@@ ')) inHunk = true
      else if (inHunk && (line.startsWith('+') || line.startsWith('-'))) return header.split(' ')[0]
    }
  }
  return undefined
}

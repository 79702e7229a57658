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

/** ISO date of the last commit that touched `file`, or undefined when git cannot say. */
export function lastUpdated(file: string): string | undefined {
  if (cache.has(file)) return cache.get(file)
  const cwd = path.dirname(file)
  let date: string | undefined
  if (hasFullHistory(cwd)) {
    const output = git(['log', '-1', '--format=%cI', '--', path.basename(file)], cwd)
    date = output ? output : undefined
  }
  cache.set(file, date)
  return date
}

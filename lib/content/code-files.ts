import fs from 'node:fs'
import path from 'node:path'
import { assetPath, CODE_FOLDER } from '../urls.ts'

/**
 * Whole programs under `content/<course>/code/`, which pages include whole or by region
 * (```go file="./code/week02-wal/wal.go" anchor="append"), so page and tested code cannot drift.
 * Regions are marked mdBook-style: `// ANCHOR: name` … `// ANCHOR_END: name` (or `#` comments).
 */

export type CodeInclude =
  | { ok: true; code: string; file: string; name: string; sitePath: string }
  | { ok: false; message: string; hint: string }

const MARKER = /^\s*(?:\/\/|#)\s*ANCHOR(_END)?:\s*([\w-]+)\s*$/

/** Removes the indentation every non-blank line shares. */
function dedent(lines: string[]): string[] {
  const widths = lines
    .filter((line) => line.trim() !== '')
    .map((line) => /^[ \t]*/.exec(line)![0].length)
  const width = widths.length > 0 ? Math.min(...widths) : 0
  return lines.map((line) => line.slice(width))
}

/** The lines of one anchored region (or of the whole file), without any anchor comment. */
export function excerpt(
  source: string,
  anchor: string | undefined,
): { ok: true; code: string } | { ok: false; message: string; hint: string } {
  const lines = source.replace(/\n$/, '').split('\n')
  const keep = (selected: string[]) => ({
    ok: true as const,
    code: dedent(selected.filter((line) => !MARKER.test(line))).join('\n'),
  })
  if (anchor === undefined) return keep(lines)
  const start = lines.findIndex((line) => {
    const marker = MARKER.exec(line)
    return marker !== null && !marker[1] && marker[2] === anchor
  })
  const known = [...new Set(lines.flatMap((line) => MARKER.exec(line)?.slice(2, 3) ?? []))].join(
    ', ',
  )
  if (start === -1)
    return {
      ok: false,
      message: `the file has no region "${anchor}"`,
      hint: known
        ? `Regions there: ${known}.`
        : 'Mark one in the file with // ANCHOR: name … // ANCHOR_END: name.',
    }
  const end = lines.findIndex((line, index) => {
    const marker = MARKER.exec(line)
    return index > start && marker !== null && marker[1] === '_END' && marker[2] === anchor
  })
  if (end === -1)
    return {
      ok: false,
      message: `region "${anchor}" is never closed`,
      hint: `End it with a line // ANCHOR_END: ${anchor}.`,
    }
  return keep(lines.slice(start + 1, end))
}

/**
 * Reads what a fence includes. `target` is written relative to the page, like every link, and
 * must point into the page's course `code/` folder.
 */
export function readCodeInclude(
  pageFile: string,
  courseDir: string,
  target: string,
  anchor: string | undefined,
): CodeInclude {
  const root = path.join(courseDir, CODE_FOLDER)
  const file = path.resolve(path.dirname(pageFile), target)
  if (!file.startsWith(root + path.sep))
    return {
      ok: false,
      message: `file="${target}" is outside this course's ${CODE_FOLDER}/ folder`,
      hint: `Included programs live in content/${path.basename(courseDir)}/${CODE_FOLDER}/, e.g. file="./${CODE_FOLDER}/week02-wal/wal.go".`,
    }
  if (!fs.existsSync(file) || !fs.statSync(file).isFile())
    return {
      ok: false,
      message: `file="${target}" does not exist`,
      hint: `Paths are relative to the page: content/${path.relative(path.dirname(courseDir), file)} was looked for.`,
    }
  const region = excerpt(fs.readFileSync(file, 'utf8'), anchor)
  if (!region.ok) return { ...region, message: `${target}: ${region.message}` }
  const relative = path.relative(courseDir, file).split(path.sep).join('/')
  return {
    ok: true,
    code: region.code,
    file,
    name: path.basename(file),
    sitePath: assetPath(path.basename(courseDir), relative),
  }
}

/** The course's Go module of included programs, when it has one. */
export function codeModuleOf(courseDir: string): string | undefined {
  const root = path.join(courseDir, CODE_FOLDER)
  return fs.existsSync(path.join(root, 'go.mod')) ? root : undefined
}

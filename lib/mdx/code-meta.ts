import { closestMatch } from '../content/errors.ts'

/** What a fence's meta string may say: ```go title="raft.go" {3-5,9} showLineNumbers run, file="…" anchor="…" */
export interface CodeMeta {
  title: string | undefined
  highlightedLines: Set<number>
  showLineNumbers: boolean
  /** The Go sample check runs this block and compares its output. */
  run: boolean
  /** `file="./code/…"`: the block shows this program file (lib/content/code-files.ts). */
  file: string | undefined
  /** `anchor="name"`: only the region of `file` between its ANCHOR comments. */
  anchor: string | undefined
}

const FLAGS = ['showLineNumbers', 'run'] as const
const ALLOWED = `title="…", file="./code/…", anchor="…", {1,3-5}, ${FLAGS.join(', ')}`

/** Parses a fence's meta; unknown words are reported rather than ignored. */
export function parseCodeMeta(meta: string | null | undefined): {
  meta: CodeMeta
  problems: string[]
} {
  const result: CodeMeta = {
    title: undefined,
    highlightedLines: new Set(),
    showLineNumbers: false,
    run: false,
    file: undefined,
    anchor: undefined,
  }
  const problems: string[] = []
  const token = /(\w[\w-]*)="([^"]*)"|(\w[\w-]*)='([^']*)'|\{([^}]*)\}|(\S+)/g
  for (const match of (meta ?? '').matchAll(token)) {
    const [, key, doubleQuoted, singleKey, singleQuoted, ranges, word] = match
    const name = key ?? singleKey
    if (name !== undefined) {
      const value = doubleQuoted ?? singleQuoted
      if (name === 'title' || name === 'file' || name === 'anchor') result[name] = value
      else problems.push(`unknown code meta ${name}=…; allowed: ${ALLOWED}`)
    } else if (ranges !== undefined) {
      for (const range of ranges
        .split(',')
        .map((part) => part.trim())
        .filter(Boolean)) {
        const bounds = /^(\d+)(?:-(\d+))?$/.exec(range)
        if (!bounds) {
          problems.push(`line range "{${ranges}}" must list numbers and ranges such as {1,3-5}`)
          break
        }
        const start = Number(bounds[1])
        const end = Number(bounds[2] ?? bounds[1])
        for (let line = start; line <= end; line++) result.highlightedLines.add(line)
      }
    } else if (word === 'showLineNumbers') result.showLineNumbers = true
    else if (word === 'run') result.run = true
    else {
      const suggestion = closestMatch(word!, [...FLAGS])
      problems.push(
        `unknown code meta "${word}"${suggestion ? ` (did you mean ${suggestion}?)` : ''}; allowed: ${ALLOWED}`,
      )
    }
  }
  if (result.anchor !== undefined && result.file === undefined)
    problems.push('anchor="…" names a region of a file: add file="./code/…" beside it')
  return { meta: result, problems }
}

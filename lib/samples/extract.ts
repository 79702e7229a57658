import fs from 'node:fs'
import type { Code } from 'mdast'
import { visit } from 'unist-util-visit'
import { parseLecture } from '../mdx/parse.ts'
import { parseCodeMeta } from '../mdx/code-meta.ts'

/** A fenced code block of a page, where it is, and what it is expected to print. */
export interface CodeSample {
  file: string
  /** 1-based line of the opening fence. */
  line: number
  language: string
  code: string
  /** The block asks to be run (`run` in its meta). */
  run: boolean
  /** Lines after an `// Output:` (Go) or `# Output:` (Python) comment, when present. */
  expectedOutput: string[] | undefined
  /** `Unordered output:` compares the lines as a set. */
  unordered: boolean
}

/** Reads the trailing `// Output:` comment block, as Go example tests write it. */
export function expectedOutputOf(code: string, commentPrefix: string): { lines: string[] | undefined; unordered: boolean } {
  const lines = code.split('\n')
  const escaped = commentPrefix.replace(/[/]/g, '\\/')
  const marker = new RegExp(`^\\s*${escaped}\\s*(Unordered output|Output):\\s*(.*)$`, 'i')
  const start = lines.findIndex((line) => marker.test(line))
  if (start === -1) return { lines: undefined, unordered: false }
  const [, kind, sameLine] = marker.exec(lines[start]!)!
  const output: string[] = sameLine ? [sameLine.trim()] : []
  for (const line of lines.slice(start + 1)) {
    const trimmed = line.trim()
    if (!trimmed.startsWith(commentPrefix)) break
    output.push(trimmed.slice(commentPrefix.length).replace(/^ /, '').trimEnd())
  }
  return { lines: output, unordered: kind!.toLowerCase().startsWith('unordered') }
}

/** Every fenced block of one of `languages` in a page, in order. */
export function extractSamples(file: string, languages: string[]): CodeSample[] {
  const tree = parseLecture(fs.readFileSync(file, 'utf8'), file)
  const samples: CodeSample[] = []
  visit(tree, 'code', (node: Code) => {
    const language = node.lang ?? ''
    if (!languages.includes(language)) return
    const { meta } = parseCodeMeta(node.meta)
    const comment = language === 'python' || language === 'py' ? '#' : '//'
    const { lines, unordered } = expectedOutputOf(node.value, comment)
    samples.push({
      file,
      line: node.position?.start.line ?? 0,
      language,
      code: node.value,
      run: meta.run,
      expectedOutput: lines,
      unordered,
    })
  })
  return samples
}

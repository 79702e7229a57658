import fs from 'node:fs'
import type { Code } from 'mdast'
import { visit } from 'unist-util-visit'
import { parseLecture } from '../mdx/parse.ts'
import { parseCodeMeta } from '../mdx/code-meta.ts'
import { expandCodeIncludes } from '../mdx/code-include.ts'
import { literalValue } from '../mdx/remark-check-mdx.ts'

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
export function expectedOutputOf(
  code: string,
  commentPrefix: string,
): { lines: string[] | undefined; unordered: boolean } {
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

/** Every fenced block of one of `languages` in a page, in order, with included files filled in. */
export function extractSamples(file: string, languages: string[]): CodeSample[] {
  const tree = parseLecture(fs.readFileSync(file, 'utf8'), file)
  // Included program files count as the page's samples; a bad include is the content check's to report.
  expandCodeIncludes(tree, file)
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

/** A Mermaid diagram of a page: from a ```mermaid fence or a `<Mermaid chart>` component. */
export interface DiagramSource {
  file: string
  line: number
  chart: string
  /** Declared wrong on purpose (`<Mermaid broken …>`). */
  broken: boolean
}

export function extractDiagrams(file: string): DiagramSource[] {
  const tree = parseLecture(fs.readFileSync(file, 'utf8'), file)
  const diagrams: DiagramSource[] = []
  visit(tree, (node) => {
    const line = node.position?.start.line ?? 0
    if (node.type === 'code' && node.lang === 'mermaid')
      diagrams.push({ file, line, chart: node.value, broken: false })
    if (
      (node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement') &&
      node.name === 'Mermaid'
    ) {
      let chart: string | undefined
      let broken = false
      for (const attribute of node.attributes) {
        if (attribute.type !== 'mdxJsxAttribute') continue
        if (attribute.name === 'broken')
          broken =
            attribute.value === null ||
            attribute.value === undefined ||
            typeof attribute.value !== 'string'
        if (attribute.name !== 'chart') continue
        if (typeof attribute.value === 'string') chart = attribute.value
        else {
          const statement = attribute.value?.data?.estree?.body[0]
          const evaluated =
            statement?.type === 'ExpressionStatement'
              ? literalValue(statement.expression)
              : undefined
          if (evaluated?.ok && typeof evaluated.value === 'string') chart = evaluated.value
        }
      }
      if (chart !== undefined) diagrams.push({ file, line, chart, broken })
    }
  })
  return diagrams
}

import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { problemAt, recordProblems } from './problems.ts'

/** Two stars the author did not escape: `\*\*` is a deliberate literal and passes. */
const UNESCAPED_STARS = /(?<!\\)\*\*/

/**
 * Stars that reach the reader as text are emphasis that did not parse (an unclosed `**`, or a
 * `**` the CommonMark flanking rules reject). The reader sees raw markup, so it is an error at
 * its line. Code and math are not text nodes and keep their stars.
 */
export default function remarkLiteralStars() {
  return (tree: Root, file: VFile) => {
    const source = String(file.value)
    visit(tree, 'text', (node) => {
      const start = node.position?.start.offset
      const end = node.position?.end.offset
      const raw = start === undefined || end === undefined ? node.value : source.slice(start, end)
      if (!node.value.includes('**') || !UNESCAPED_STARS.test(raw)) return
      recordProblems(file, [
        problemAt(
          file.path,
          node,
          `literal "**" in the text: "${excerpt(node.value)}" shows the stars instead of bold`,
          'Close every **…** on the same paragraph; write \\*\\* for literal stars, or `**` inside code.',
        ),
      ])
    })
  }
}

function excerpt(text: string): string {
  const at = text.indexOf('**')
  const from = Math.max(0, at - 12)
  return `${from > 0 ? '…' : ''}${text.slice(from, at + 14).replace(/\s+/g, ' ')}${at + 14 < text.length ? '…' : ''}`
}

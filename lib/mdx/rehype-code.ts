import type { Element, ElementContent, Root } from 'hast'
import { toHtml } from 'hast-util-to-html'
import { toString } from 'hast-util-to-string'
import type { MdxJsxAttribute, MdxJsxFlowElementHast } from 'mdast-util-mdx-jsx'
import {
  bundledLanguages,
  bundledLanguagesAlias,
  createHighlighter,
  type Highlighter,
  type ShikiTransformer,
} from 'shiki'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import type { ContentProblem } from '../content/errors.ts'
import { CODE_THEMES, tokenClassNames } from './code-theme.ts'
import { parseCodeMeta, type CodeMeta } from './code-meta.ts'
import { recordProblems } from './problems.ts'

export interface Options {
  /** Highlight with shiki; off when the pipeline only checks content. @defaultValue true */
  highlight?: boolean
}

const PLAIN_LANGUAGES = new Set(['', 'text', 'txt', 'plaintext', 'plain'])

export function isKnownLanguage(language: string): boolean {
  return (
    PLAIN_LANGUAGES.has(language) ||
    language in bundledLanguages ||
    language in bundledLanguagesAlias
  )
}

let highlighterPromise: Promise<Highlighter> | undefined

function highlighter(): Promise<Highlighter> {
  highlighterPromise ??= createHighlighter({
    themes: [CODE_THEMES.light, CODE_THEMES.dark],
    langs: [],
  })
  return highlighterPromise
}

/** Replaces shiki's per-token inline colours with palette classes, and marks highlighted lines. */
function transformerFor(meta: CodeMeta): ShikiTransformer {
  return {
    pre(node) {
      node.properties = {
        tabIndex: 0,
        ...(meta.showLineNumbers ? { 'data-line-numbers': '' } : {}),
      }
    },
    line(node, line) {
      if (meta.highlightedLines.has(line)) node.properties['data-highlighted'] = ''
    },
    span(node) {
      const style = String(node.properties.style ?? '')
      const light = /--shiki-light:([^;]+)/.exec(style)?.[1]
      const dark = /--shiki-dark:([^;]+)/.exec(style)?.[1]
      const classes = tokenClassNames(light, dark)
      if (classes) {
        delete node.properties.style
        node.properties.class = classes.join(' ')
      }
    },
  }
}

function plainPre(code: string, meta: CodeMeta): Element {
  const lines: ElementContent[] = []
  code.split('\n').forEach((text, index) => {
    if (index > 0) lines.push({ type: 'text', value: '\n' })
    const properties: Element['properties'] = { className: ['line'] }
    if (meta.highlightedLines.has(index + 1)) properties['data-highlighted'] = ''
    lines.push({
      type: 'element',
      tagName: 'span',
      properties,
      children: text ? [{ type: 'text', value: text }] : [],
    })
  })
  return {
    type: 'element',
    tagName: 'pre',
    properties: { tabIndex: 0, ...(meta.showLineNumbers ? { 'data-line-numbers': '' } : {}) },
    children: [{ type: 'element', tagName: 'code', properties: {}, children: lines }],
  }
}

interface Block {
  node: Element
  parent: { children: unknown[] }
  index: number
  language: string
  code: string
  meta: CodeMeta
  /** The whole program file the block shows part of (remark-code-include). */
  source: { url: string; name: string } | undefined
}

/**
 * Highlights fenced code at build time (zero client JavaScript for colour) and wraps each
 * block in the `<CodeBlock>` component, which adds the title bar and the copy button.
 * Unknown languages and meta words are build errors, so a typo never ships silently.
 */
export default function rehypeCode(options: Options = {}) {
  const highlight = options.highlight ?? true
  return async (tree: Root, file: VFile) => {
    const blocks: Block[] = []
    const problems: ContentProblem[] = []
    visit(tree, 'element', (node, index, parent) => {
      if (node.tagName !== 'pre' || index === undefined || !parent) return
      const code = node.children.find(
        (child): child is Element => child.type === 'element' && child.tagName === 'code',
      )
      if (!code) return
      const classes = (code.properties.className as string[] | undefined) ?? []
      const language = (
        classes.find((name) => name.startsWith('language-'))?.slice('language-'.length) ?? ''
      ).toLowerCase()
      const rawMeta = (code.data as { meta?: string } | undefined)?.meta
      const parsed = parseCodeMeta(rawMeta)
      const position = node.position?.start
      for (const problem of parsed.problems) {
        problems.push({
          file: file.path,
          line: position?.line,
          column: position?.column,
          message: problem,
          hint: 'Meta goes after the language: ```go title="main.go" {3-5} showLineNumbers',
        })
      }
      if (!isKnownLanguage(language)) {
        problems.push({
          file: file.path,
          line: position?.line,
          column: position?.column,
          message: `unknown code language "${language}"`,
          hint: 'Use a language shiki knows (go, python, bash, json, yaml, sql, …) or text for plain text.',
        })
      }
      const { dataSource, dataSourceName } = code.properties
      blocks.push({
        node,
        parent,
        index,
        language,
        code: toString(code).replace(/\n$/, ''),
        meta: parsed.meta,
        source:
          typeof dataSource === 'string'
            ? { url: dataSource, name: String(dataSourceName) }
            : undefined,
      })
      return 'skip'
    })
    recordProblems(file, problems)

    const shiki = highlight ? await highlighter() : undefined
    for (const block of blocks) {
      let pre = plainPre(block.code, block.meta)
      if (shiki && !PLAIN_LANGUAGES.has(block.language) && isKnownLanguage(block.language)) {
        await shiki.loadLanguage(block.language as keyof typeof bundledLanguages)
        const highlighted = shiki.codeToHast(block.code, {
          lang: block.language,
          themes: CODE_THEMES,
          defaultColor: false,
          // No time limit per line: shiki's default (500 ms) stops a line early on a busy build
          // machine, where the first block of a language also pays for compiling its grammar, and
          // the rest of the block is then coloured as a comment: builds differed and were wrong.
          tokenizeTimeLimit: 0,
          transformers: [transformerFor(block.meta)],
        })
        pre = highlighted.children[0] as Element
      }
      // The highlighted block travels as one HTML string: in the page's RSC payload a string is
      // about half the size of the same markup as a tree of React elements.
      const attributes: MdxJsxAttribute[] = [
        { type: 'mdxJsxAttribute', name: 'language', value: block.language || 'text' },
        { type: 'mdxJsxAttribute', name: 'html', value: toHtml(pre) },
      ]
      const title = block.meta.title ?? block.source?.name
      if (title) attributes.push({ type: 'mdxJsxAttribute', name: 'title', value: title })
      if (block.source)
        attributes.push({ type: 'mdxJsxAttribute', name: 'source', value: block.source.url })
      const wrapper: MdxJsxFlowElementHast = {
        type: 'mdxJsxFlowElement',
        name: 'CodeBlock',
        attributes,
        children: [],
        position: block.node.position,
      }
      block.parent.children[block.index] = wrapper
    }
  }
}

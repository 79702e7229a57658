import type { Root, RootContent } from 'mdast'
import type { MdxJsxAttribute, MdxJsxFlowElement, MdxJsxTextElement } from 'mdast-util-mdx-jsx'
import { visit } from 'unist-util-visit'
import { assignHeadingIds, type Heading } from '../mdx/heading-ids.ts'

/** An `<Exercise>` of a lecture, in order; its anchor is stable when lectures are reordered. */
export interface ExerciseEntry {
  /** 1-based position within the lecture. */
  index: number
  title: string
  difficulty: string | undefined
  /** The anchor id, `exercise-2` for the second exercise. */
  id: string
  /** 1-based source line of the `<Exercise>` tag. */
  line: number | undefined
}

/** What the site needs to know about a page's body without compiling it. */
export interface PageAnalysis {
  headings: Heading[]
  exercises: ExerciseEntry[]
  /** Every id a link may point at with `#…`. */
  anchors: Set<string>
  /** Han characters of the prose (code, math, frontmatter and markup excluded). */
  hanCount: number
  /** Latin words of the prose, same exclusions. */
  wordCount: number
  hasMermaid: boolean
}

/** Reading speeds behind the reading-time estimate. */
export const HAN_PER_MINUTE = 400
export const WORDS_PER_MINUTE = 200

/** Chinese characters: what reading time and the lecture bar count. */
export const HAN = /\p{Script=Han}/gu
const WORD = /[A-Za-z][A-Za-z0-9'’-]*/g

/** Minutes a reader needs for the prose, rounded up, at least 1. */
export function readingMinutes(hanCount: number, wordCount: number): number {
  return Math.max(1, Math.ceil(hanCount / HAN_PER_MINUTE + wordCount / WORDS_PER_MINUTE))
}

export function exerciseAnchor(index: number): string {
  return `exercise-${index}`
}

type JsxElement = MdxJsxFlowElement | MdxJsxTextElement

export function isJsxElement(node: { type: string }): node is JsxElement {
  return node.type === 'mdxJsxFlowElement' || node.type === 'mdxJsxTextElement'
}

/** The literal string value of a JSX attribute, when it is written as a plain string. */
export function stringAttribute(node: JsxElement, name: string): string | undefined {
  const attribute = node.attributes.find(
    (candidate): candidate is MdxJsxAttribute =>
      candidate.type === 'mdxJsxAttribute' && candidate.name === name,
  )
  return typeof attribute?.value === 'string' ? attribute.value : undefined
}

/** Node types whose text is not prose. */
export const NON_PROSE = new Set([
  'code',
  'inlineCode',
  'math',
  'inlineMath',
  'yaml',
  'html',
  'mdxjsEsm',
  'mdxFlowExpression',
  'mdxTextExpression',
])

/** Analyses a parsed page. Heading ids are assigned on the tree as a side effect. */
export function analyzeTree(tree: Root): PageAnalysis {
  const headings = assignHeadingIds(tree)
  const exercises: ExerciseEntry[] = []
  let hanCount = 0
  let wordCount = 0
  let hasMermaid = false

  visit(tree, (node: Root | RootContent) => {
    if (node.type === 'code' && node.lang === 'mermaid') hasMermaid = true
    if (isJsxElement(node) && node.name === 'Mermaid') hasMermaid = true
    if (isJsxElement(node) && node.name === 'Exercise') {
      const index = exercises.length + 1
      exercises.push({
        index,
        title: stringAttribute(node, 'title') ?? '',
        difficulty: stringAttribute(node, 'difficulty'),
        id: exerciseAnchor(index),
        line: node.position?.start.line,
      })
    }
    if (NON_PROSE.has(node.type)) return 'skip'
    if (node.type === 'text') {
      hanCount += node.value.match(HAN)?.length ?? 0
      wordCount += node.value.match(WORD)?.length ?? 0
    }
    return undefined
  })

  const anchors = new Set([
    ...headings.map((heading) => heading.id),
    ...exercises.map((exercise) => exercise.id),
  ])
  return { headings, exercises, anchors, hanCount, wordCount, hasMermaid }
}

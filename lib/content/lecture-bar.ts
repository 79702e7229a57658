import fs from 'node:fs'
import type { Root, RootContent } from 'mdast'
import { toString } from 'mdast-util-to-string'
import { visit } from 'unist-util-visit'
import { expandCodeIncludes } from '../mdx/code-include.ts'
import { parseLecture } from '../mdx/parse.ts'
import { HAN, isJsxElement, NON_PROSE, stringAttribute } from './analyze.ts'
import type { Course, Lecture } from './model.ts'

/**
 * The measured half of the lecture bar (CONTENT.md): what a script can check about a lecture.
 * The content test runs it over every lecture of every course; `npm run check:bar` prints it.
 */

export const LECTURE_BAR = {
  minHan: 6000,
  minSections: 5,
  minObjectives: 3,
  maxObjectives: 6,
  minDiagrams: 2,
  /** Samples in the course's main language (`languages` in course.yaml). */
  minSamples: 2,
  minExercises: 3,
  minQuizzes: 1,
} as const

/** Headings every lecture has, and the words that mark its section of common mistakes. */
export const SUMMARY_HEADING = '本讲小结'
export const FURTHER_READING_HEADING = '延伸阅读'
export const PITFALLS_PATTERN = /常见误区|误区|陷阱/

export interface LectureMetrics {
  han: number
  sections: string[]
  diagrams: number
  /** Code blocks by language. */
  samples: Map<string, number>
  goWholeFilesWithOutput: number
  exercises: {
    title: string
    difficulty: string | undefined
    hasHint: boolean
    hasSolution: boolean
  }[]
  quizzes: { hasExplanation: boolean }[]
  linksToEarlierLectures: number
}

function hasChild(node: RootContent, name: string): boolean {
  let found = false
  visit(node, (child) => {
    if (child !== node && isJsxElement(child) && child.name === name) found = true
  })
  return found
}

/** Measures a lecture's source. `earlier` are the file names of the lectures before it. */
export function measureLecture(tree: Root, earlier: Set<string>): LectureMetrics {
  const metrics: LectureMetrics = {
    han: 0,
    sections: [],
    diagrams: 0,
    samples: new Map(),
    goWholeFilesWithOutput: 0,
    exercises: [],
    quizzes: [],
    linksToEarlierLectures: 0,
  }
  visit(tree, (node: Root | RootContent) => {
    if (node.type === 'heading' && node.depth === 2) metrics.sections.push(toString(node).trim())
    if (node.type === 'code' && node.lang === 'mermaid') metrics.diagrams++
    if (isJsxElement(node) && node.name === 'Mermaid') metrics.diagrams++
    if (node.type === 'code' && node.lang && node.lang !== 'mermaid')
      metrics.samples.set(node.lang, (metrics.samples.get(node.lang) ?? 0) + 1)
    if (node.type === 'code' && node.lang === 'go') {
      if (/^\s*package\s+main\b/m.test(node.value) && /\/\/\s*Output:/.test(node.value))
        metrics.goWholeFilesWithOutput++
    }
    if (isJsxElement(node) && node.name === 'Exercise') {
      metrics.exercises.push({
        title: stringAttribute(node, 'title') ?? '',
        difficulty: stringAttribute(node, 'difficulty'),
        hasHint: hasChild(node, 'Hint'),
        hasSolution: hasChild(node, 'Solution'),
      })
    }
    if (isJsxElement(node) && node.name === 'Quiz')
      metrics.quizzes.push({ hasExplanation: hasChild(node, 'Explanation') })
    if (node.type === 'link') {
      const target = node.url.split('#')[0]!.replace(/^\.\//, '')
      if (earlier.has(target)) metrics.linksToEarlierLectures++
    }
    if (NON_PROSE.has(node.type)) return 'skip'
    if (node.type === 'text') metrics.han += node.value.match(HAN)?.length ?? 0
    return undefined
  })
  return metrics
}

/**
 * The code a lecture owes its course: samples in the course's main language (none for a course
 * that declares `languages: []`), and for Go a whole program with its output, as CONTENT.md asks.
 */
function codeShortfalls(language: string | undefined, metrics: LectureMetrics): string[] {
  if (language === undefined) return []
  const problems: string[] = []
  const count = metrics.samples.get(language) ?? 0
  if (count < LECTURE_BAR.minSamples)
    problems.push(
      `code: ${count} ${language} samples, the bar is ${LECTURE_BAR.minSamples} (the course's languages in course.yaml: ${language} first)`,
    )
  if (language === 'go' && metrics.goWholeFilesWithOutput < 1)
    problems.push('code: no whole-file Go sample (package main …) with an // Output: comment')
  return problems
}

/** Every way a lecture falls short of the measured bar, in words an author can act on. */
export function lectureShortfalls(course: Course, lecture: Lecture): string[] {
  const index = course.lectures.findIndex((candidate) => candidate.slug === lecture.slug)
  const earlier = new Set(
    course.lectures.slice(0, index).map((candidate) => candidate.file.split('/').at(-1)!),
  )
  const tree = parseLecture(fs.readFileSync(lecture.file, 'utf8'), lecture.file)
  // A program the page includes from its course's code/ folder counts as the page's code.
  expandCodeIncludes(tree, lecture.file)
  const metrics = measureLecture(tree, earlier)
  const bar = LECTURE_BAR
  const problems: string[] = []

  if (
    lecture.objectives.length < bar.minObjectives ||
    lecture.objectives.length > bar.maxObjectives
  ) {
    problems.push(
      `objectives: ${lecture.objectives.length}, the bar is ${bar.minObjectives}–${bar.maxObjectives}`,
    )
  }
  if (lecture.readings.length === 0)
    problems.push('readings: none; list the primary source (paper, article) the lecture rests on')
  for (const reading of lecture.readings)
    if (!reading.url) problems.push(`readings: "${reading.title}" has no url`)
  if (index > 0 && lecture.prerequisites.length === 0)
    problems.push('prerequisites: none; name the earlier lectures this one builds on')
  if (metrics.han < bar.minHan)
    problems.push(`prose: ${metrics.han} Chinese characters, the bar is ${bar.minHan}`)
  if (metrics.sections.length < bar.minSections)
    problems.push(`sections: ${metrics.sections.length} ## headings, the bar is ${bar.minSections}`)
  if (!metrics.sections.some((section) => PITFALLS_PATTERN.test(section)))
    problems.push('sections: no ## section of common misconceptions (常见误区)')
  if (!metrics.sections.includes(SUMMARY_HEADING))
    problems.push(`sections: no "## ${SUMMARY_HEADING}"`)
  if (!metrics.sections.includes(FURTHER_READING_HEADING))
    problems.push(`sections: no "## ${FURTHER_READING_HEADING}"`)
  if (metrics.diagrams < bar.minDiagrams)
    problems.push(`diagrams: ${metrics.diagrams} Mermaid diagrams, the bar is ${bar.minDiagrams}`)
  problems.push(...codeShortfalls(course.languages[0], metrics))
  if (metrics.exercises.length < bar.minExercises)
    problems.push(`exercises: ${metrics.exercises.length}, the bar is ${bar.minExercises}`)
  const difficulties = new Set(metrics.exercises.map((exercise) => exercise.difficulty))
  if (metrics.exercises.length > 1 && difficulties.size === 1) {
    const [difficulty] = difficulties
    problems.push(
      `exercises: all ${metrics.exercises.length} are ${difficulty ? `"${difficulty}"` : 'without a difficulty'}; mix easy, medium and hard`,
    )
  }
  metrics.exercises.forEach((exercise, position) => {
    if (!exercise.hasHint)
      problems.push(`exercises: #${position + 1} "${exercise.title}" has no <Hint>`)
    if (!exercise.hasSolution)
      problems.push(`exercises: #${position + 1} "${exercise.title}" has no <Solution>`)
  })
  if (metrics.quizzes.length < bar.minQuizzes) problems.push('self-check: no <Quiz>')
  metrics.quizzes.forEach((quiz, position) => {
    if (!quiz.hasExplanation)
      problems.push(`self-check: quiz #${position + 1} has no <Explanation>`)
  })
  if (index > 0 && metrics.linksToEarlierLectures === 0)
    problems.push(
      'links: no link to an earlier lecture (write it as a relative path, e.g. ./lecture-05.mdx#…)',
    )
  return problems
}

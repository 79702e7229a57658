import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { visit } from 'unist-util-visit'
import { exerciseAnchor, isJsxElement } from '../content/analyze.ts'
import { pageContextOf } from './page-context.ts'

/**
 * Gives components what only the page knows: exercises their number in the course (练习 5.2)
 * and their anchor, quizzes an id, and videos the page language (Bilibili first on zh-CN).
 * Exercises are counted in the same document order as the content model counts them.
 */
export default function remarkComponentContext() {
  return (tree: Root, file: VFile) => {
    const context = pageContextOf(file)
    if (!context) return
    const lectureNumber = context.lecture?.number
    let exercises = 0
    let quizzes = 0
    visit(tree, (node) => {
      if (!isJsxElement(node)) return
      if (node.name === 'Exercise') {
        exercises++
        node.attributes.push(
          {
            type: 'mdxJsxAttribute',
            name: 'number',
            value: lectureNumber ? `${lectureNumber}.${exercises}` : String(exercises),
          },
          { type: 'mdxJsxAttribute', name: 'anchor', value: exerciseAnchor(exercises) },
        )
      } else if (node.name === 'Quiz') {
        quizzes++
        node.attributes.push({ type: 'mdxJsxAttribute', name: 'anchor', value: `quiz-${quizzes}` })
      } else if (node.name === 'Video') {
        node.attributes.push({
          type: 'mdxJsxAttribute',
          name: 'language',
          value: context.course.language,
        })
      }
    })
  }
}

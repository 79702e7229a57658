import { describe, expect, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import { lectureShortfalls } from '@/lib/content/lecture-bar.ts'
import { FIXTURE_CONTENT } from '../helpers/fixture-site.ts'

describe('the lecture bar check can fail', () => {
  it('names every shortfall of a thin lecture', () => {
    const course = getSite({ contentDir: FIXTURE_CONTENT, includeDrafts: false }).courses[0]!
    const shortfalls = lectureShortfalls(course, course.lectures[2]!)
    expect(shortfalls).toEqual(
      expect.arrayContaining([
        'objectives: 0, the bar is 3–6',
        expect.stringMatching(/^prose: \d+ Chinese characters, the bar is 6000$/),
        'sections: no ## section of common misconceptions (常见误区)',
        'sections: no "## 本讲小结"',
        'diagrams: 0 Mermaid diagrams, the bar is 2',
        expect.stringMatching(/^code: \d go samples, the bar is 2 /),
        'code: no whole-file Go sample (package main …) with an // Output: comment',
        'exercises: 0, the bar is 3',
        'self-check: no <Quiz>',
        expect.stringMatching(/^links: no link to an earlier lecture/),
      ]),
    )
    // No exercises at all is one shortfall, not also "all of one difficulty".
    expect(shortfalls.filter((line) => line.startsWith('exercises:'))).toEqual([
      'exercises: 0, the bar is 3',
    ])
  })

  it('asks for code in the languages the course declares, or none', () => {
    const course = getSite({ contentDir: FIXTURE_CONTENT, includeDrafts: false }).courses[0]!
    const lecture = course.lectures[2]!
    const codeLines = (languages: string[]) =>
      lectureShortfalls({ ...course, languages }, lecture).filter((line) =>
        line.startsWith('code:'),
      )
    expect(codeLines([])).toEqual([])
    expect(codeLines(['python', 'go'])).toEqual([
      expect.stringMatching(/^code: 0 python samples, the bar is 2 /),
    ])
  })
})

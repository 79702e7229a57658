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
        'Go code: no whole-file sample (package main …) with an // Output: comment',
        'exercises: 0, the bar is 3',
        'self-check: no <Quiz>',
        expect.stringMatching(/^links: no link to an earlier lecture/),
      ]),
    )
  })
})

import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LectureMeta } from '@/components/lecture-meta'
import { getSite } from '@/lib/content/index.ts'

describe('progress UI', () => {
  it('is offered on a course lecture and not on a handbook page', () => {
    const { courses } = getSite({ includeDrafts: false })
    const meta = (kind: 'course' | 'guide') => {
      const course = courses.find((candidate) => candidate.kind === kind)!
      return renderToStaticMarkup(
        <LectureMeta course={course} lecture={course.lectures[0]!} updated={undefined} />,
      )
    }
    expect(meta('course')).toContain('data-complete-toggle')
    expect(meta('guide')).not.toContain('data-complete-toggle')
  })
})

import { describe, expect, it } from 'vitest'
import {
  continueAt,
  emptyProgress,
  setComplete,
  setLastRead,
  withoutCourse,
} from '@/lib/progress/store.ts'

const lectures = ['lecture-01', 'lecture-02', 'lecture-03'].map((slug) => ({
  slug,
  path: `/ds/${slug}/`,
}))

describe('progress store', () => {
  it('forgets one course and keeps every other', () => {
    let progress = setComplete(emptyProgress(), 'ds', 'lecture-01', true)
    progress = setComplete(progress, 'sd', 'week-01', true)
    const cleared = withoutCourse(progress, 'ds')
    expect(cleared.courses).not.toHaveProperty('ds')
    expect(cleared.courses.sd?.completed).toHaveProperty('week-01')
    expect(progress.courses).toHaveProperty('ds')
  })

  it('continues where the reader left, else at the first lecture not complete, else nowhere', () => {
    expect(continueAt(emptyProgress(), 'ds', lectures)).toBeUndefined()
    const other = setComplete(emptyProgress(), 'sd', 'week-01', true)
    expect(continueAt(other, 'ds', lectures)).toBeUndefined()

    const done = setComplete(emptyProgress(), 'ds', 'lecture-01', true)
    expect(continueAt(done, 'ds', lectures)).toEqual({
      lecture: lectures[1],
      href: '/ds/lecture-02/',
      resumed: false,
    })

    const reading = setLastRead(done, 'ds', 'lecture-03', '日志复制')
    expect(continueAt(reading, 'ds', lectures)).toEqual({
      lecture: lectures[2],
      href: '/ds/lecture-03/#日志复制',
      resumed: true,
    })

    let all = done
    for (const { slug } of lectures) all = setComplete(all, 'ds', slug, true)
    expect(continueAt(all, 'ds', lectures)).toBeUndefined()
  })
})

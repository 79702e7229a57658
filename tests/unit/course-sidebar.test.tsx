import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { renderToStaticMarkup } from 'react-dom/server'
import { afterAll, describe, expect, it } from 'vitest'
import { generateCourse } from '@/bench/gen-course.ts'
import { CourseContents } from '@/components/course-contents'
import { CourseSidebar, FULL_SIDEBAR_MAX_LECTURES } from '@/components/course-sidebar'
import { LearningPath } from '@/components/learning-path'
import { lectureRange } from '@/lib/lecture-range.ts'
import { getSite } from '@/lib/content/index.ts'
import { FIXTURE_CONTENT } from '../helpers/fixture-site.ts'

const longCourseDir = fs.mkdtempSync(path.join(os.tmpdir(), 'long-course-'))
afterAll(() => fs.rmSync(longCourseDir, { recursive: true, force: true }))

const lectureLinks = (html: string) =>
  [...html.matchAll(/data-lecture="([^"]+)"/g)].map((m) => m[1])

describe('course sidebar', () => {
  it('lists every lecture of a course of ordinary length, the current one marked', () => {
    const course = getSite({ contentDir: FIXTURE_CONTENT, includeDrafts: false }).courses[0]!
    const html = renderToStaticMarkup(<CourseSidebar course={course} current="advanced" />)
    expect(lectureLinks(html)).toEqual(course.lectures.map((lecture) => lecture.slug))
    expect(html).toMatch(/aria-current="page" data-lecture="advanced"/)
    expect(html).not.toContain('data-folded-part')
  })

  it('folds the other parts of a long course into links to the course contents', () => {
    const lectures = FULL_SIDEBAR_MAX_LECTURES + 60
    generateCourse(longCourseDir, lectures)
    const course = getSite({ contentDir: longCourseDir, includeDrafts: false }).courses[0]!
    const html = renderToStaticMarkup(<CourseSidebar course={course} current="lecture-057" />)
    // Parts of ten: the current lecture's part (51–60) is listed, the other eleven fold.
    expect(lectureLinks(html)).toEqual(
      Array.from({ length: 10 }, (_, i) => `lecture-${String(51 + i).padStart(3, '0')}`),
    )
    expect(html).toMatch(/aria-current="page" data-lecture="lecture-057"/)
    const folded = [...html.matchAll(/<a [^>]*data-folded-part="[^"]+"[^>]*>/g)].map(
      (m) => /href="([^"]+)"/.exec(m[0])?.[1],
    )
    expect(folded).toHaveLength(course.parts.length - 1)
    // next/link drops the trailing slash outside a Next build, which puts it back.
    expect(folded[0]).toMatch(/^\/bench-course\/?#part-part-1$/)
    expect(html).toContain('第 1–10 讲')
    expect(html).toContain('第 111–120 讲')
    // Each folded link lands on its part's heading in the course contents.
    const contents = renderToStaticMarkup(<CourseContents course={course} />)
    for (const part of course.parts) expect(contents).toContain(`<h3 id="part-${part.id}"`)
  })
})

describe('course home', () => {
  it('lists each lecture once: the learning path names ranges, the contents list the lectures', () => {
    const course = getSite({ includeDrafts: false }).courses.find(
      (candidate) => candidate.stages.length > 0,
    )!
    const html = renderToStaticMarkup(
      <>
        <LearningPath course={course} />
        <CourseContents course={course} />
      </>,
    )
    expect(lectureLinks(html).sort()).toEqual(course.lectures.map((lecture) => lecture.slug).sort())
    for (const stage of course.stages)
      expect(html).toContain(lectureRange(stage.lectures, course.unit))
  })

  it('writes lecture ranges as a run or as a list', () => {
    const numbered = (...numbers: number[]) => numbers.map((number) => ({ number }))
    expect(lectureRange(numbered(1, 2, 3), '讲')).toBe('第 1–3 讲')
    expect(lectureRange(numbered(4), '周')).toBe('第 4 周')
    expect(lectureRange(numbered(1, 3, 5), '讲')).toBe('第 1、3、5 讲')
  })
})

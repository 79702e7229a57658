import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import fs from 'node:fs'
import { FIXTURE_CONTENT, copyFixtureSite, placeBroken } from '../helpers/fixture-site.ts'

const production = { contentDir: FIXTURE_CONTENT, includeDrafts: false }
const development = { contentDir: FIXTURE_CONTENT, includeDrafts: true }

describe('content model', () => {
  it('discovers courses, courses before guides, with their languages', () => {
    const site = getSite(production)
    expect(site.title).toBe('测试站点')
    expect(site.courses.map((course) => [course.slug, course.kind, course.language])).toEqual([
      ['fixture-course', 'course', 'zh-CN'],
      ['second-course', 'guide', 'en'],
    ])
    expect(site.courses[1]!.unit).toBe('章')
  })

  it("takes a course's repository from its manifest, or else from site.yaml", () => {
    const [own, inherited] = getSite(production).courses
    expect([own!.repository, own!.branch]).toEqual([
      'https://github.com/example/course-site',
      'main',
    ])
    expect([inherited!.repository, inherited!.branch]).toEqual([
      'https://github.com/example/site',
      'trunk',
    ])
  })

  it('orders and numbers lectures from the manifest, not from file names', () => {
    const course = getSite(development).courses[0]!
    expect(
      course.lectures.map((lecture) => [lecture.number, lecture.slug, lecture.format]),
    ).toEqual([
      [1, 'intro', 'mdx'],
      [2, 'plain-notes', 'md'],
      [3, 'advanced', 'mdx'],
      [4, 'draft-lecture', 'mdx'],
    ])
    expect(
      course.parts.map((part) => [part.title, part.lectures.map((lecture) => lecture.slug)]),
    ).toEqual([
      ['第一部分', ['intro', 'plain-notes']],
      ['第二部分', ['advanced', 'draft-lecture']],
    ])
  })

  it('links previous and next, and resolves prerequisites', () => {
    const course = getSite(production).courses[0]!
    const [intro, notes, advanced] = course.lectures
    expect(intro!.previous).toBeUndefined()
    expect(intro!.next?.slug).toBe('plain-notes')
    expect(notes!.previous?.path).toBe('/fixture-course/intro/')
    expect(advanced!.next).toBeUndefined()
    expect(
      advanced!.prerequisites.map((reference) => [
        reference.slug,
        reference.number,
        reference.title,
      ]),
    ).toEqual([
      ['intro', 1, '引言'],
      ['plain-notes', 2, '纯 Markdown 笔记'],
    ])
  })

  it('leaves drafts out of production but keeps their manifest number', () => {
    const withDrafts = getSite(development).courses[0]!
    const withoutDrafts = getSite(production).courses[0]!
    expect(withDrafts.lectures.at(-1)?.slug).toBe('draft-lecture')
    expect(withDrafts.lectures.at(-1)?.number).toBe(4)
    expect(withoutDrafts.lectures.map((lecture) => lecture.slug)).not.toContain('draft-lecture')
    expect(withoutDrafts.parts[1]!.lectures.map((lecture) => lecture.slug)).toEqual(['advanced'])
  })

  it('extracts a table of contents with Chinese ids, unique per page, and the exercises', () => {
    const intro = getSite(production).courses[0]!.lectures[0]!
    expect(intro.toc.map((heading) => heading.id)).toEqual([
      '领导者选举-leader-election',
      '代码',
      '领导者选举-leader-election-1',
    ])
    expect(
      intro.exercises.map((exercise) => [exercise.id, exercise.title, exercise.difficulty]),
    ).toEqual([
      ['exercise-1', '第一题', 'easy'],
      ['exercise-2', '第二题', 'hard'],
    ])
    expect(intro.hasMermaid).toBe(true)
    expect(intro.video?.bilibili).toEqual({ bvid: 'BV1R7411t71W', part: 1 })
  })

  it('knows each page by its source file', () => {
    const course = getSite(production).courses[0]!
    expect(course.overview?.file).toBe(path.join(FIXTURE_CONTENT, 'fixture-course', 'overview.mdx'))
    expect(course.overview?.title).toBe('测试课程总览')
    expect(course.lectures[1]!.contentPath).toBe('fixture-course/plain-notes.md')
  })

  it('counts Chinese characters and English words for the reading time, code excluded', () => {
    const intro = getSite(production).courses[0]!.lectures[0]!
    expect(intro.hanCount).toBeGreaterThan(20)
    expect(intro.readingMinutes).toBe(1)
  })

  it('keeps a broken lecture to itself in the dev server’s tolerant mode', () => {
    const dir = copyFixtureSite()
    placeBroken(dir, 'missing-title.mdx', 'fixture-course/advanced.mdx')
    placeBroken(dir, 'unlisted.mdx', 'fixture-course/unlisted.mdx')
    expect(() => getSite({ contentDir: dir, includeDrafts: true })).toThrow(
      /not listed in course\.yaml/,
    )
    const course = getSite({ contentDir: dir, includeDrafts: true, tolerant: true }).courses[0]!
    fs.rmSync(dir, { recursive: true, force: true })
    expect(course.lectures.map((lecture) => [lecture.slug, lecture.problems.length])).toEqual([
      ['intro', 0],
      ['plain-notes', 0],
      ['advanced', 1],
      ['draft-lecture', 0],
    ])
    expect(course.lectures[2]!.problems[0]!.message).toMatch(/title is required/)
  })
})

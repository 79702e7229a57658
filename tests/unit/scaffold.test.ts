import { spawnSync } from 'node:child_process'
import fs from 'node:fs'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { checkSite } from '@/lib/check-site.ts'
import { getSite } from '@/lib/content/index.ts'
import { insertLecture, listingPoint } from '@/lib/content/manifest-edit.ts'
import { parseYamlWith } from '@/lib/content/parse-yaml.ts'
import { CourseManifestSchema } from '@/lib/content/schema.ts'
import { copyFixtureSite } from '../helpers/fixture-site.ts'

/** `npm run new:course` and `npm run new:lecture`, run as an author runs them, on a copy. */
const root = path.resolve(import.meta.dirname, '..', '..')
const run = (contentDir: string, script: string, args: string[]) =>
  spawnSync(process.execPath, [path.join(root, 'scripts', script), ...args], {
    env: { ...process.env, CONTENT_DIR: contentDir },
    encoding: 'utf8',
  })

let dir: string | undefined
afterEach(() => {
  if (dir) fs.rmSync(dir, { recursive: true, force: true })
})

describe('scaffolding a course and a lecture', () => {
  it('writes a course and lectures that pass the whole content check at once', async () => {
    dir = copyFixtureSite()
    const course = run(dir, 'new-course.ts', ['databases', '--title', '数据库系统'])
    expect(course.stderr).toBe('')
    expect(course.status).toBe(0)
    const lecture = run(dir, 'new-lecture.ts', ['databases', '--title', '索引: B 树'])
    expect(lecture.status).toBe(0)
    expect(lecture.stdout).toMatch(/databases\/lecture-02\.mdx[\s\S]*course\.yaml at line 11/)
    // Into a course whose manifest writes lists in brackets, and into a named part.
    expect(run(dir, 'new-lecture.ts', ['fixture-course', 'notes', '--part', 'first']).status).toBe(
      0,
    )

    const { problems } = await checkSite(dir)
    expect(problems).toEqual([])
    const site = getSite({ contentDir: dir, includeDrafts: false })
    const databases = site.courses.find((candidate) => candidate.slug === 'databases')!
    expect(databases.title).toBe('数据库系统')
    expect(databases.languages).toEqual(['go'])
    expect(databases.lectures.map((entry) => [entry.number, entry.slug, entry.title])).toEqual([
      [1, 'lecture-01', '第一讲'],
      [2, 'lecture-02', '索引: B 树'],
    ])
    const fixture = site.courses.find((candidate) => candidate.slug === 'fixture-course')!
    expect(fixture.parts[0]!.lectures.map((entry) => entry.slug)).toEqual([
      'intro',
      'plain-notes',
      'notes',
    ])
  }, 180_000)

  it('refuses an existing course, a bad name and an unknown course, saying why', () => {
    dir = copyFixtureSite()
    const existing = run(dir, 'new-course.ts', ['fixture-course'])
    expect(existing.status).toBe(1)
    expect(existing.stderr).toMatch(/content\/fixture-course\/ already exists/)
    const badName = run(dir, 'new-course.ts', ['My Course'])
    expect(badName.stderr).toMatch(/"My Course" cannot be a course folder name[\s\S]*lower-case/)
    const unknown = run(dir, 'new-lecture.ts', ['nope'])
    expect(unknown.stderr).toMatch(/no course "nope"[\s\S]*Courses: fixture-course, second-course/)
    expect(fs.existsSync(path.join(dir, 'My Course'))).toBe(false)
  }, 120_000)

  it('adds a lecture to a block list under the last entry, keeping comments', () => {
    const text = [
      '# 课程清单',
      'title: T',
      'description: D',
      'parts:',
      '  - id: a',
      '    title: A',
      '    lectures:',
      '      - one # 第一讲',
      '      - two',
      'stages: []',
      '',
    ].join('\n')
    const { data, lineOf } = parseYamlWith(CourseManifestSchema, text, { file: 'course.yaml' })
    const point = listingPoint(data, lineOf, text)!
    expect(point).toMatchObject({ line: 9, flow: false, after: 'two' })
    expect(insertLecture(text, point, 'three').split('\n').slice(7, 11)).toEqual([
      '      - one # 第一讲',
      '      - two',
      '      - three',
      'stages: []',
    ])
  })
})

import { describe, expect, it } from 'vitest'
import { codeModuleOf, getSite } from '@/lib/content/index.ts'
import { lectureShortfalls } from '@/lib/content/lecture-bar.ts'
import {
  checkGoModule,
  checkGoSamples,
  checkPythonSamples,
  goAvailable,
  pythonAvailable,
} from '@/lib/samples/check-samples.ts'
import { extractSamples } from '@/lib/samples/extract.ts'

/**
 * The content test: every lecture of every course (guides excepted) meets the measured half of
 * the lecture bar in CONTENT.md, and every whole-file sample of every page builds and prints
 * what it says. New lectures are covered as soon as they are listed in a course.yaml.
 */
const site = getSite({ includeDrafts: true })
const courses = site.courses.filter((course) => course.kind === 'course')
const pages = site.courses.flatMap((course) => [
  ...(course.overview ? [course.overview.file] : []),
  ...course.lectures.map((lecture) => lecture.file),
])

describe('every lecture meets the lecture bar', () => {
  for (const course of courses) {
    for (const lecture of course.lectures) {
      it(`${course.slug}/${lecture.slug}`, () => {
        const shortfalls = lectureShortfalls(course, lecture)
        expect(
          shortfalls,
          `${lecture.contentPath} falls short of the lecture bar:\n  ${shortfalls.join('\n  ')}`,
        ).toEqual([])
      })
    }
  }
})

describe('code samples of the real content', () => {
  const requireTools = process.env.CI === 'true'
  if (!goAvailable())
    console.warn('⚠ Go samples are NOT checked: install Go (Debian: apt-get install golang-go).')
  it.skipIf(!goAvailable() && !requireTools)(
    'every whole-file Go sample passes go vet and go build, and prints its Output',
    () => {
      const report = checkGoSamples(pages.flatMap((file) => extractSamples(file, ['go'])))
      expect(
        report.failures.map((failure) => `${failure.file}:${failure.line}: ${failure.message}`),
      ).toEqual([])
      expect(report.checked).toBeGreaterThan(0)
    },
    // 85 programs built and run one after another: a minute on a quiet machine, more on a busy one.
    300_000,
  )
  const modules = site.courses.flatMap((course) => codeModuleOf(course.dir) ?? [])
  for (const dir of modules) {
    it.skipIf(!goAvailable() && !requireTools)(
      `${dir.split('/').slice(-2).join('/')}: go vet and go test -race pass`,
      () => {
        const report = checkGoModule(dir)
        expect(report.failures.map((failure) => failure.message)).toEqual([])
      },
      // Building with the race detector takes a while on a busy machine.
      300_000,
    )
  }
  it.skipIf(!pythonAvailable() && !requireTools)(
    'every Python sample with an Output comment prints it',
    () => {
      const report = checkPythonSamples(
        pages.flatMap((file) => extractSamples(file, ['python', 'py'])),
      )
      expect(
        report.failures.map((failure) => `${failure.file}:${failure.line}: ${failure.message}`),
      ).toEqual([])
    },
  )
})

import fs from 'node:fs'
import path from 'node:path'
import { unzipSync } from 'fflate'
import { describe, expect, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import type { Lab } from '@/lib/content/model.ts'
import { checkLab } from '@/lib/labs/check-labs.ts'
import { kitArchive, kitFiles, referenceFiles } from '@/lib/labs/kit.ts'
import { goAvailable } from '@/lib/samples/check-samples.ts'
import { copyFixtureSite, FIXTURE_CONTENT } from '../helpers/fixture-site.ts'

function fixtureLab(contentDir = FIXTURE_CONTENT): Lab {
  const course = getSite({ contentDir, includeDrafts: true }).courses.find(
    (candidate) => candidate.slug === 'fixture-course',
  )!
  return course.labs[0]!
}

describe('lab content model', () => {
  it('loads the handout: parts anchored by their id, lectures, kit, and the lectures know the lab', () => {
    const site = getSite({ contentDir: FIXTURE_CONTENT, includeDrafts: true })
    const course = site.courses.find((candidate) => candidate.slug === 'fixture-course')!
    const lab = course.labs[0]!
    expect(lab.id).toBe('lab-a')
    expect(lab.path).toBe('/fixture-course/labs/lab-a/')
    expect(lab.parts.map((part) => [part.id, part.path, part.test])).toEqual([
      ['a1', '/fixture-course/labs/lab-a/#a1', 'go test -race -run A1 ./quorum/'],
      ['a2', '/fixture-course/labs/lab-a/#a2', 'go test -race -run A2 ./quorum/'],
    ])
    expect(lab.toc.map((heading) => heading.id)).toEqual(['a1', 'a2'])
    expect(lab.lectures.map((lecture) => lecture.slug)).toEqual(['intro', 'advanced'])
    expect(lab.kit?.archivePath).toBe('/fixture-course/labs/lab-a/lab-a-kit.zip')
    const advanced = course.lectures.find((lecture) => lecture.slug === 'advanced')!
    expect(advanced.labs.map((ref) => ref.id)).toEqual(['lab-a'])
  })
})

describe('lab kit download', () => {
  const lab = fixtureLab()

  it('is the shared packages plus kit/, never the solution', () => {
    expect(kitFiles(lab.kit!).map((file) => file.path)).toEqual([
      'README.md',
      'check/check.go',
      'go.mod',
      'quorum/quorum.go',
      'quorum/quorum_test.go',
    ])
    const skeleton = kitFiles(lab.kit!).find((file) => file.path === 'quorum/quorum.go')!
    expect(skeleton.source).toContain(`${path.sep}kit${path.sep}`)
    const reference = referenceFiles(lab.kit!).find((file) => file.path === 'quorum/quorum.go')!
    expect(reference.source).toContain(`${path.sep}solution${path.sep}`)
  })

  it('zips byte-for-byte the same every time, sorted, inside one folder', () => {
    const first = kitArchive(lab.id, lab.kit!)
    const second = kitArchive(lab.id, lab.kit!)
    expect(Buffer.from(first).equals(Buffer.from(second))).toBe(true)
    const entries = unzipSync(first)
    expect(Object.keys(entries)).toEqual([
      'lab-a/README.md',
      'lab-a/check/check.go',
      'lab-a/go.mod',
      'lab-a/quorum/quorum.go',
      'lab-a/quorum/quorum_test.go',
    ])
    const solution = fs.readFileSync(path.join(lab.kit!.solutionDir, 'quorum', 'quorum.go'))
    expect(Buffer.from(entries['lab-a/quorum/quorum.go']!).equals(solution)).toBe(false)
  })
})

describe('check:labs', () => {
  const requireGo = process.env.CI === 'true'
  const withGo = it.skipIf(!goAvailable() && !requireGo)

  withGo(
    'passes the fixture lab: the reference passes, the skeleton fails each graded test',
    async () => {
      const report = await checkLab(fixtureLab())
      expect(report.failures).toEqual([])
    },
    120_000,
  )

  withGo(
    'reports a skeleton that passes a graded test, and a reference that fails',
    async () => {
      const dir = copyFixtureSite()
      try {
        const labDir = path.join(dir, 'fixture-course', 'labs', 'lab-a')
        // Planted: the skeleton already solves A1, and the reference breaks A2.
        const skeleton = path.join(labDir, 'kit', 'quorum', 'quorum.go')
        fs.writeFileSync(
          skeleton,
          fs.readFileSync(skeleton, 'utf8').replace('return 0', 'return n/2 + 1'),
        )
        const solution = path.join(labDir, 'solution', 'quorum', 'quorum.go')
        fs.writeFileSync(
          solution,
          fs.readFileSync(solution, 'utf8').replace('yes >= Majority', 'yes > Majority'),
        )
        const report = await checkLab(fixtureLab(dir))
        const messages = report.failures.map((failure) => `${failure.line}: ${failure.message}`)
        expect(messages).toHaveLength(2)
        expect(messages).toContainEqual(
          expect.stringMatching(/^9: TestMajorityA1 passes on the skeleton, so it grades nothing/),
        )
        expect(messages).toContainEqual(
          expect.stringMatching(
            /^13: part a2 .*fails on the reference solution[\s\S]*TestAgreedA2/,
          ),
        )
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
    120_000,
  )

  withGo(
    'reports a graded test whose name does not end in the part id',
    async () => {
      const dir = copyFixtureSite()
      try {
        const labDir = path.join(dir, 'fixture-course', 'labs', 'lab-a')
        const handout = path.join(labDir, '..', 'lab-a.mdx')
        fs.writeFileSync(
          handout,
          fs.readFileSync(handout, 'utf8').replace('-run A1 ./quorum/', '-run Majority ./quorum/'),
        )
        const test = path.join(labDir, 'kit', 'quorum', 'quorum_test.go')
        fs.writeFileSync(
          test,
          fs.readFileSync(test, 'utf8').replace('TestMajorityA1', 'TestMajority'),
        )
        const report = await checkLab(fixtureLab(dir))
        expect(report.failures.map((failure) => failure.message)).toEqual([
          expect.stringMatching(/selects TestMajority, whose name does not end in A1/),
        ])
      } finally {
        fs.rmSync(dir, { recursive: true, force: true })
      }
    },
    120_000,
  )
})

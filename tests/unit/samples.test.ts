import path from 'node:path'
import { describe, expect, it } from 'vitest'
import {
  checkGoSamples,
  checkPythonSamples,
  goAvailable,
  isWholeGoFile,
  pythonAvailable,
} from '@/lib/samples/check-samples.ts'
import { expectedOutputOf, extractSamples } from '@/lib/samples/extract.ts'

const fixture = path.resolve(import.meta.dirname, '..', 'fixtures', 'samples', 'samples.mdx')

describe('code samples', () => {
  it('reads Output comments the way Go examples write them', () => {
    expect(expectedOutputOf('package main\n// Output:\n// a\n//  b\n', '//')).toEqual({
      lines: ['a', ' b'],
      unordered: false,
    })
    expect(expectedOutputOf('x\n// Unordered output:\n// b\n// a', '//').unordered).toBe(true)
    expect(expectedOutputOf('print(1)\n# Output: 1', '#').lines).toEqual(['1'])
  })

  it('tells whole files from fragments', () => {
    expect(isWholeGoFile('// comment\npackage main\n')).toBe(true)
    expect(isWholeGoFile('x := 1')).toBe(false)
  })

  it.skipIf(!goAvailable() && process.env.CI !== 'true')(
    'fails a Go sample that does not compile, naming the page line',
    () => {
      const report = checkGoSamples(extractSamples(fixture, ['go']))
      expect(report.checked).toBe(3)
      const compile = report.failures.find((failure) => failure.message.includes('undefinedName'))
      expect(compile?.line).toBe(29)
      expect(compile?.file).toBe(fixture)
    },
  )

  it.skipIf(!goAvailable() && process.env.CI !== 'true')(
    'fails a Go sample whose output differs from its Output comment',
    () => {
      const report = checkGoSamples(extractSamples(fixture, ['go']))
      expect(
        report.failures.some((failure) =>
          /output differs[\s\S]*expected[\s\S]*actual/.test(failure.message),
        ),
      ).toBe(true)
      expect(report.failures).toHaveLength(2)
    },
  )

  it.skipIf(!pythonAvailable())('runs Python samples and compares their output', () => {
    const report = checkPythonSamples(extractSamples(fixture, ['python']))
    expect(report.ran).toBe(2)
    expect(report.failures).toHaveLength(1)
    expect(report.failures[0]!.message).toMatch(/right[\s\S]*wrong/)
  })
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { describe, expect, it } from 'vitest'
import { excerpt } from '@/lib/content/code-files.ts'
import { checkGoModule, goAvailable } from '@/lib/samples/check-samples.ts'
import { extractSamples } from '@/lib/samples/extract.ts'
import { FIXTURE_CONTENT } from '../helpers/fixture-site.ts'
import { renderPage } from '../helpers/render-page.tsx'

const course = path.join(FIXTURE_CONTENT, 'fixture-course')
const counter = fs.readFileSync(path.join(course, 'code', 'counter', 'counter.go'), 'utf8')

describe('programs that pages include', () => {
  it('takes one anchored region, without any anchor comment', () => {
    const region = excerpt(counter, 'counter')
    expect(region.ok && region.code).toMatch(/^\/\/ Counter counts events/)
    expect(region.ok && region.code).toContain('func (c *Counter) Add()')
    expect(region.ok && region.code).not.toMatch(/ANCHOR/)
    const whole = excerpt(counter, undefined)
    expect(whole.ok && whole.code).toMatch(/^\/\/ Package counter/)
    expect(whole.ok && whole.code).not.toMatch(/ANCHOR/)
  })

  it('dedents a region cut from inside a function', () => {
    const source =
      'func f() {\n\t// ANCHOR: body\n\tif x {\n\t\ty()\n\t}\n\t// ANCHOR_END: body\n}\n'
    expect(excerpt(source, 'body')).toEqual({ ok: true, code: 'if x {\n\ty()\n}' })
  })

  it('names an unclosed region and the regions a file has', () => {
    expect(excerpt('// ANCHOR: a\nx\n', 'a')).toMatchObject({ ok: false, message: /never closed/ })
    expect(excerpt(counter, 'nope')).toMatchObject({ hint: 'Regions there: counter, add.' })
  })

  it('renders the region with a link to the whole published file', async () => {
    const html = await renderPage(path.join(course, 'advanced.mdx'), { basePath: '/base' })
    const block = html.slice(html.indexOf('data-language="go"'), html.indexOf('</figure>'))
    expect(block).toContain('href="/base/fixture-course/code/counter/counter.go"')
    const text = block.replace(/<[^>]+>/g, '')
    expect(text).toContain('counter.go')
    expect(text).toContain('c.n++')
    expect(text).not.toContain('Value()')
    expect(text).not.toContain('ANCHOR')
  })

  it('gives the sample check and the lecture bar the included code', () => {
    const [sample] = extractSamples(path.join(course, 'advanced.mdx'), ['go'])
    expect(sample?.code).toContain('func (c *Counter) Add()')
  })

  it.skipIf(!goAvailable() && process.env.CI !== 'true')(
    "runs a course module's tests with -race and reports a failing one",
    () => {
      expect(checkGoModule(path.join(course, 'code')).failures).toEqual([])
      const broken = fs.mkdtempSync(path.join(os.tmpdir(), 'code-module-'))
      fs.cpSync(path.join(course, 'code'), broken, { recursive: true })
      // The planted bug: Add without the lock, which the race detector and the count catch.
      const file = path.join(broken, 'counter', 'counter.go')
      fs.writeFileSync(
        file,
        counter.replace('\tc.mu.Lock()\n\tdefer c.mu.Unlock()\n\tc.n++', '\tc.n++'),
      )
      const report = checkGoModule(broken)
      fs.rmSync(broken, { recursive: true, force: true })
      expect(report.failures).toHaveLength(1)
      expect(report.failures[0]!.message).toMatch(/DATA RACE|want 800/)
    },
    120_000,
  )
})

import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { addCompileHints, COMPILE_HINT, startupChunks } from '@/lib/compile-hints.ts'

const page = (basePath: string, ...tags: string[]) =>
  `<!DOCTYPE html><html><head>${tags.join('')}</head><body><p>text</p></body></html>`.replaceAll(
    '$BASE',
    basePath,
  )

describe('startupChunks', () => {
  it('lists the scripts a page loads by src, under the base path, and skips nomodule polyfills', () => {
    const html = page(
      '/course',
      '<script src="$BASE/_next/static/chunks/a1.js" async=""></script>',
      '<script src="$BASE/_next/static/chunks/polyfills.js" noModule=""></script>',
      '<script>self.__next_f.push([1,"<script src=\\"x.js\\">"])</script>',
      '<script src="https://elsewhere.example/b.js"></script>',
      '<link rel="stylesheet" href="$BASE/_next/static/chunks/s.css">',
      '<script src="$BASE/_next/static/chunks/turbopack-b2.js" async=""></script>',
    )
    expect(startupChunks(html, '/course')).toEqual([
      '/_next/static/chunks/a1.js',
      '/_next/static/chunks/turbopack-b2.js',
    ])
  })
})

describe('addCompileHints', () => {
  let outDir = ''
  afterEach(() => fs.rmSync(outDir, { recursive: true, force: true }))

  const exportWith = (files: Record<string, string>) => {
    outDir = fs.mkdtempSync(path.join(os.tmpdir(), 'compile-hints-'))
    for (const [name, text] of Object.entries(files)) {
      fs.mkdirSync(path.dirname(path.join(outDir, name)), { recursive: true })
      fs.writeFileSync(path.join(outDir, name), text)
    }
  }
  const read = (name: string) => fs.readFileSync(path.join(outDir, name), 'utf8')

  it('marks the startup chunks of every page once, and leaves lazy chunks and polyfills alone', () => {
    exportWith({
      'index.html': page('', '<script src="/_next/static/chunks/shared.js" async=""></script>'),
      'course/lecture/index.html': page(
        '',
        '<script src="/_next/static/chunks/shared.js" async=""></script>',
        '<script src="/_next/static/chunks/lecture.js" async=""></script>',
        '<script src="/_next/static/chunks/polyfills.js" noModule=""></script>',
      ),
      '_next/static/chunks/shared.js': 'self.shared=1',
      '_next/static/chunks/lecture.js': 'self.lecture=1',
      '_next/static/chunks/mermaid.js': 'self.mermaid=1',
      '_next/static/chunks/polyfills.js': 'self.polyfills=1',
    })
    expect(addCompileHints(outDir, '')).toEqual([
      '/_next/static/chunks/lecture.js',
      '/_next/static/chunks/shared.js',
    ])
    expect(read('_next/static/chunks/shared.js')).toBe(`${COMPILE_HINT}self.shared=1`)
    expect(read('_next/static/chunks/lecture.js')).toBe(`${COMPILE_HINT}self.lecture=1`)
    expect(read('_next/static/chunks/mermaid.js')).toBe('self.mermaid=1')
    expect(read('_next/static/chunks/polyfills.js')).toBe('self.polyfills=1')

    expect(addCompileHints(outDir, '')).toEqual([])
    expect(read('_next/static/chunks/shared.js')).toBe(`${COMPILE_HINT}self.shared=1`)
  })

  it('names the page-loaded script the export lacks', () => {
    exportWith({
      'index.html': page('', '<script src="/_next/static/chunks/gone.js" async=""></script>'),
    })
    expect(() => addCompileHints(outDir, '')).toThrow(
      /_next\/static\/chunks\/gone\.js: an exported page loads this script, but the export lacks it/,
    )
  })
})

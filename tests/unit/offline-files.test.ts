import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterEach, describe, expect, it } from 'vitest'
import { assetsOf, courseFiles, exportVersion, fileUrl } from '@/lib/pwa/offline-files.ts'

/** A small export: two courses' pages, an image, chunks that load each other, the index. */
function miniExport(files: Record<string, string>): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'offline-files-'))
  for (const [name, text] of Object.entries(files)) {
    fs.mkdirSync(path.dirname(path.join(dir, name)), { recursive: true })
    fs.writeFileSync(path.join(dir, name), text)
  }
  return dir
}

const page = (scripts: string[]) =>
  `<!DOCTYPE html><html><head>${scripts.map((src) => `<script src="/b/_next/static/${src}"></script>`).join('')}</head></html>`

const EXPORT = {
  'index.html': page(['chunks/home.js']),
  'ds/index.html': page(['chunks/main.js']),
  'ds/lecture-01/index.html': page(['chunks/main.js', 'chunks/lecture.js']),
  'ds/images/ring.svg': '<svg/>',
  'sd/index.html': page(['chunks/other.js']),
  '_next/static/chunks/main.js': 'load("static/chunks/lazy.js")',
  '_next/static/chunks/lecture.js': 'url(../media/katex.woff2)',
  '_next/static/chunks/lazy.js': '1',
  '_next/static/chunks/home.js': '2',
  '_next/static/chunks/other.js': '3',
  '_next/static/media/katex.woff2': 'font',
  'pagefind/pagefind-entry.json': '{}',
}

let dirs: string[] = []
afterEach(() => {
  for (const dir of dirs) fs.rmSync(dir, { recursive: true, force: true })
  dirs = []
})

describe('what saving a course fetches', () => {
  it('serves pages at their folder URL under the base path', () => {
    expect(fileUrl('/b', 'ds/lecture-01/index.html')).toBe('/b/ds/lecture-01/')
    expect(fileUrl('/b', 'index.html')).toBe('/b/')
    expect(fileUrl('', 'ds/images/ring.svg')).toBe('/ds/images/ring.svg')
  })

  it("takes the course's pages, images, the chunks and fonts they load, and the index", () => {
    const dir = miniExport(EXPORT)
    dirs.push(dir)
    expect(courseFiles(dir, 'ds').sort()).toEqual([
      '_next/static/chunks/lazy.js',
      '_next/static/chunks/lecture.js',
      '_next/static/chunks/main.js',
      '_next/static/media/katex.woff2',
      'ds/images/ring.svg',
      'ds/index.html',
      'ds/lecture-01/index.html',
      'pagefind/pagefind-entry.json',
    ])
    expect(assetsOf(dir, ['sd/index.html'])).toEqual(['_next/static/chunks/other.js'])
  })

  it('versions the export by every file but the excluded ones', () => {
    const dir = miniExport(EXPORT)
    dirs.push(dir)
    const version = exportVersion(dir, (file) => file === 'sw.js')
    fs.writeFileSync(path.join(dir, 'sw.js'), 'worker')
    expect(exportVersion(dir, (file) => file === 'sw.js')).toBe(version)
    fs.writeFileSync(path.join(dir, 'ds/index.html'), page(['chunks/main.js', 'x']))
    expect(exportVersion(dir, (file) => file === 'sw.js')).not.toBe(version)
  })
})

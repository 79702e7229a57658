import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { getSite } from '@/lib/content/index.ts'
import { COMPILE_HINT, startupChunks } from '@/lib/compile-hints.ts'
import { exportedBasePath } from '@/lib/export-info.ts'
import { LAB_FOLDER } from '@/lib/urls.ts'
import { htmlPages, idsOf, mainText, referencesOf } from '../helpers/exported-site.ts'

const outDir = inject('outDir')
const site = getSite({ includeDrafts: false })
const basePath = exportedBasePath(outDir)
const pages = htmlPages(outDir)

describe('the exported site', () => {
  it('has exactly one page per lecture file, a home per course, and labs/ where it has labs', () => {
    for (const course of site.courses) {
      expect(fs.existsSync(path.join(outDir, course.slug, 'index.html')), course.slug).toBe(true)
      const built = fs
        .readdirSync(path.join(outDir, course.slug), { withFileTypes: true })
        .filter(
          (entry) =>
            entry.isDirectory() &&
            fs.existsSync(path.join(outDir, course.slug, entry.name, 'index.html')),
        )
        .map((entry) => entry.name)
        .sort()
      expect(built).toEqual(
        [
          ...course.lectures.map((lecture) => lecture.slug),
          ...(course.labs.length > 0 ? [LAB_FOLDER] : []),
        ].sort(),
      )
    }
  })

  it("holds each lecture's text in the HTML, readable without JavaScript", () => {
    for (const course of site.courses) {
      for (const lecture of course.lectures) {
        const text = mainText(path.join(outDir, course.slug, lecture.slug, 'index.html'))
        expect(text, lecture.contentPath).toContain(lecture.title)
        for (const heading of lecture.toc.slice(0, 3))
          expect(text, `${lecture.contentPath}: ${heading.text}`).toContain(
            heading.text.slice(0, 12),
          )
        expect(text.length, lecture.contentPath).toBeGreaterThan(lecture.hanCount)
      }
    }
  })

  it('resolves every internal link, anchor and asset of every page', () => {
    const broken: string[] = []
    const idCache = new Map<string, Set<string>>()
    for (const page of pages) {
      for (const { attribute, url } of referencesOf(page.file)) {
        if (/^[a-z][a-z0-9+.-]*:|^\/\//i.test(url) || url === '') continue
        const resolved = new URL(url, `http://site${basePath}${page.urlPath}`)
        let pathname = decodeURIComponent(resolved.pathname)
        if (basePath) {
          if (!pathname.startsWith(`${basePath}/`)) {
            broken.push(`${page.urlPath}: ${attribute} ${url} lacks the base path ${basePath}`)
            continue
          }
          pathname = pathname.slice(basePath.length)
        }
        const target = path.join(
          outDir,
          pathname.endsWith('/') ? `${pathname}index.html` : pathname,
        )
        if (!fs.existsSync(target)) {
          broken.push(
            `${page.urlPath}: ${attribute} ${url} → missing ${path.relative(outDir, target)}`,
          )
          continue
        }
        const hash = decodeURIComponent(resolved.hash.slice(1))
        if (hash && target.endsWith('.html')) {
          if (!idCache.has(target)) idCache.set(target, idsOf(target))
          if (!idCache.get(target)!.has(hash))
            broken.push(`${page.urlPath}: ${attribute} ${url} → no element with id "${hash}"`)
        }
      }
    }
    expect(broken).toEqual([])
  })

  it('lists every page in the sitemap, and serves robots.txt and a 404 page', () => {
    const sitemap = fs.readFileSync(path.join(outDir, 'sitemap.xml'), 'utf8')
    for (const course of site.courses) {
      expect(sitemap).toContain(`${basePath}${course.path}</loc>`)
      for (const lecture of course.lectures)
        expect(sitemap).toContain(`${basePath}${lecture.path}</loc>`)
    }
    expect(fs.readFileSync(path.join(outDir, 'robots.txt'), 'utf8')).toContain('Sitemap:')
    expect(fs.readFileSync(path.join(outDir, '404.html'), 'utf8')).toContain('找不到这个页面')
  })

  it("gives every page in the search index its course, its course's kind and a label", () => {
    // A student's search filters on kind:course; a page without the kind would never show.
    const indexed = pages
      .map(({ file, urlPath }) => ({ urlPath, html: fs.readFileSync(file, 'utf8') }))
      .filter(({ html }) => html.includes('data-pagefind-body'))
    expect(indexed.length).toBeGreaterThan(site.courses.length)
    const patterns = [
      /data-pagefind-filter="course"/,
      /data-pagefind-filter="kind:(?:course|guide)"/,
      /data-pagefind-meta="label"/,
    ]
    const missing = indexed.flatMap(({ urlPath, html }) =>
      patterns
        .filter((pattern) => !pattern.test(html))
        .map((pattern) => `${urlPath}: no ${pattern.source}`),
    )
    expect(missing).toEqual([])
  })

  it('sets the language of every page from its course, with title, description and OpenGraph', () => {
    for (const course of site.courses) {
      const html = fs.readFileSync(
        path.join(outDir, course.slug, course.lectures[0]!.slug, 'index.html'),
        'utf8',
      )
      expect(html).toContain(`<html lang="${course.language}"`)
      expect(html).toMatch(/<meta name="description" content="[^"]+"/)
      expect(html).toMatch(/<meta property="og:title" content="[^"]+"/)
      expect(html).toMatch(/<link rel="canonical" href="https?:\/\/[^"]+"/)
    }
  })

  it("serves KaTeX's styles in the site's one stylesheet and its fonts from the site itself", () => {
    const stylesheets = (file: string) =>
      [...fs.readFileSync(file, 'utf8').matchAll(/<link rel="stylesheet" href="([^"]+)"/g)].map(
        (match) => match[1]!,
      )
    const lecture = site.courses[0]!.lectures[0]!
    const links = stylesheets(path.join(outDir, lecture.course, lecture.slug, 'index.html'))
    expect(links).toHaveLength(1)
    expect(stylesheets(path.join(outDir, 'index.html'))).toEqual(links)
    const cssFile = links[0]!.slice(basePath.length)
    const css = fs.readFileSync(path.join(outDir, cssFile), 'utf8')
    expect(css).toContain('.katex')
    const fonts = [...css.matchAll(/url\(([^)]*KaTeX_[^)]+\.woff2)\)/g)].map((match) => match[1]!)
    expect(fonts.length).toBeGreaterThan(10)
    for (const font of fonts) {
      expect(font, 'a font loaded from another host').not.toMatch(/^(https?:)?\/\//)
      const file = font.startsWith('/')
        ? font.slice(basePath.length)
        : path.join(path.dirname(cssFile), font)
      expect(fs.existsSync(path.join(outDir, file)), font).toBe(true)
    }
  })

  it('marks every script a page loads at startup for eager compiling, and no other', () => {
    const startup = new Set(
      pages.flatMap((page) => startupChunks(fs.readFileSync(page.file, 'utf8'), basePath)),
    )
    expect(startup.size).toBeGreaterThan(3)
    const chunksDir = path.join(outDir, '_next', 'static', 'chunks')
    for (const name of fs.readdirSync(chunksDir).filter((file) => file.endsWith('.js'))) {
      const chunk = `/_next/static/chunks/${name}`
      const hinted = fs.readFileSync(path.join(chunksDir, name), 'utf8').startsWith(COMPILE_HINT)
      expect(hinted, chunk).toBe(startup.has(chunk))
    }
  })
})

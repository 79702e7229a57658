import path from 'node:path'
import { describe, expect, it, vi } from 'vitest'
import { FIXTURE_CONTENT } from '../helpers/fixture-site.ts'
import { compilePage } from '@/lib/mdx/compile.ts'
import { renderPage } from '../helpers/render-page.tsx'

const page = (name: string) => path.join(FIXTURE_CONTENT, 'fixture-course', name)
/** Markdown links come out percent-encoded, as mdast-util-to-hast normalises them. */
const href = (url: string) => `href="${encodeURI(url)}"`

describe('MDX pipeline on the fixture course', () => {
  it('renders math with KaTeX at build time', async () => {
    const html = await renderPage(page('intro.mdx'))
    expect(html).toContain('class="katex"')
    expect(html).toContain('class="katex-display"')
    expect(html).not.toContain('katex-error')
  })

  it('highlights code with palette classes, a title, highlighted lines and line numbers', async () => {
    const html = await renderPage(page('intro.mdx'))
    const block = html.slice(
      html.indexOf('data-language="go"'),
      html.indexOf('</figure>', html.indexOf('data-language="go"')),
    )
    expect(block).toContain('main.go')
    expect(block).toContain('data-line-numbers')
    expect(block).toMatch(/class="cl-\d+ cd-\d+"/)
    expect(block).not.toContain('--shiki-light')
    expect(block.match(/data-highlighted/g)).toHaveLength(3)
    expect(html).toContain('data-language="python"')
  })

  it('colours code the same on a machine too busy to tokenize a line in half a second', async () => {
    const goBlock = (html: string) => html.slice(html.indexOf('// Add records one event.'))
    const calm = goBlock(await renderPage(page('advanced.mdx')))
    // Every clock reading a second later than the last: shiki's default limit per line would
    // stop each line early and colour what follows as the comment before it.
    let now = Date.now()
    const clock = vi.spyOn(Date, 'now').mockImplementation(() => (now += 1_000))
    try {
      expect(goBlock(await renderPage(page('advanced.mdx')))).toBe(calm)
    } finally {
      clock.mockRestore()
    }
    expect(calm).toMatch(/<span class="cl-\d+ cd-\d+">func<\/span>/)
  })

  it('gives headings ids that keep Chinese characters, unique per page, with anchor links', async () => {
    const html = await renderPage(page('intro.mdx'))
    expect(html).toContain('id="领导者选举-leader-election"')
    expect(html).toContain('id="领导者选举-leader-election-1"')
    expect(html).toContain('id="代码"')
    expect(html).toMatch(
      /<a href="#代码" class="heading-anchor" data-pagefind-ignore="all" tabindex="-1">/,
    )
  })

  it('keeps screen-reader-only text and MathML out of the search index', async () => {
    const html = await renderPage(page('intro.mdx'))
    const mathml = html.match(/<span class="katex-mathml"[^>]*>/g) ?? []
    expect(mathml.length).toBeGreaterThan(0)
    for (const tag of mathml) expect(tag).toContain('data-pagefind-ignore="all"')
  })

  it('rewrites relative file links and site paths to site URLs under the base path', async () => {
    const html = await renderPage(page('intro.mdx'), { basePath: '/course-site' })
    expect(html).toContain(href('/course-site/fixture-course/plain-notes/#笔记'))
    expect(html).toContain('href="/course-site/fixture-course/advanced/"')
    expect(html).toContain(href('#代码'))
    expect(html).toMatch(
      /<img src="\/course-site\/fixture-course\/images\/diagram\.png" alt="示意图" width="2" height="3"/,
    )
  })

  it('links across courses', async () => {
    const html = await renderPage(path.join(FIXTURE_CONTENT, 'second-course', 'chapter-one.mdx'))
    expect(html).toContain(href('/fixture-course/intro/#代码'))
  })

  it('turns GitHub alerts into callouts and mermaid fences into build-time SVG', async () => {
    const html = await renderPage(page('intro.mdx'))
    expect(html).toMatch(/<aside class="callout callout-tip/)
    expect(html).toContain('data-mermaid="static"')
    expect(html).toMatch(/<svg[^>]*viewBox=/)
    // Never narrower than its smallest text allows: the frame scrolls instead (diagram-fit).
    expect(html).toMatch(/<svg[^>]*style="width:100%;min-width:[\d.]+px;max-width:[\d.]+px/)
    expect(html).not.toContain('fonts.googleapis.com')
  })

  it('numbers exercises per lecture and lifts inline components out of paragraphs', async () => {
    const html = await renderPage(page('intro.mdx'))
    expect(html).toContain('id="exercise-1"')
    expect(html).toContain('练习 1.1')
    expect(html).toContain('练习 1.2')
    expect(html).toMatch(/<details class="exercise-fold hint/)
    expect(html.match(/type="radio"/g)).toHaveLength(2)
    expect(html).toContain('正确答案：B')
  })

  it('reads plain .md as Markdown: comments vanish, braces stay, raw HTML renders', async () => {
    const html = await renderPage(page('plain-notes.md'))
    expect(html).toContain('散落的 { 大括号 } 与 a&lt;b 比较')
    expect(html).not.toContain('这是注释')
    expect(html).toContain('<details><summary>展开</summary>')
  })

  it('renders GFM tables, task lists and footnotes', async () => {
    const html = await renderPage(page('advanced.mdx'))
    expect(html).toContain('<table>')
    expect(html).toContain('type="checkbox"')
    expect(html).toContain('data-footnotes')
    expect(html).toContain('>脚注<')
    expect(html).toContain('aria-label="返回正文"')
  })

  it('parses bold that touches Chinese punctuation, and keeps escaped stars as text', async () => {
    const html = await renderPage(page('advanced.mdx'))
    expect(html).toContain('<strong>“领导者”</strong>：')
    expect(html).toContain('<strong>任期（term）</strong>是')
    expect(html).toContain('乘方写作 **，')
  })

  it('hands markup without components to React as HTML strings, the page unchanged', async () => {
    const code = await compilePage(page('advanced.mdx'), { mode: 'render' }, 'function-body')
    // Table cells, list items and footnotes travel inside strings, not as React elements.
    expect(code).toContain('_jsx(StaticHtml, {\n      tag: "ul"')
    expect(code).not.toMatch(/_components\.(td|li|sup|input)\b/)
    const html = await renderPage(page('advanced.mdx'))
    expect(html).toContain(
      '<div class="table-scroll" tabindex="0" role="region" aria-label="表格"><table>',
    )
    expect(html).toContain('<ul class="contains-task-list">')
    expect(html).toContain('<section data-footnotes="true" class="footnotes">')
    // Elements holding a component stay React elements; the markup inside them is still a string.
    const intro = await compilePage(page('intro.mdx'), { mode: 'render' }, 'function-body')
    expect(intro).toMatch(/_jsx\(_components\.p, \{\s+children: "题目。"/)
    expect(intro).toContain('_jsx(StaticHtml, {\n      tag: "span"')
  })
})

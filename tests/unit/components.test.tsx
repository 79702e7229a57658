import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { Callout } from '@/components/mdx/callout'
import { Choice } from '@/components/mdx/choice'
import { CodeBlock } from '@/components/mdx/code-block'
import { CodeTabs } from '@/components/mdx/code-tabs'
import { Explanation } from '@/components/mdx/explanation'
import { Figure } from '@/components/mdx/figure'
import { Mermaid } from '@/components/mdx/mermaid'
import { Paper } from '@/components/mdx/paper'
import { Quiz } from '@/components/mdx/quiz'
import { Video, startSeconds, videoSources } from '@/components/mdx/video'

describe('MDX components render to static HTML', () => {
  it('Video: a facade with no third-party URL but the page links, Bilibili first on zh-CN', () => {
    const html = renderToStaticMarkup(
      <Video
        youtube="cQP8WApzIQQ"
        bilibili="BV1R7411t71W"
        part={6}
        start="12:30"
        title="Raft"
        language="zh-CN"
      />,
    )
    expect(html).not.toContain('<iframe')
    expect(html).not.toMatch(/src="https?:/)
    expect(html.indexOf('在 Bilibili 播放')).toBeGreaterThan(-1)
    expect(html).toContain('href="https://www.bilibili.com/video/BV1R7411t71W/?p=6&amp;t=750"')
    const sources = videoSources(
      { youtube: 'cQP8WApzIQQ', bilibili: 'BV1R7411t71W', part: 6, start: '12:30' },
      'en',
    )
    expect(sources.map((source) => source.provider)).toEqual(['youtube', 'bilibili'])
    expect(sources[0]!.embedUrl).toBe(
      'https://www.youtube-nocookie.com/embed/cQP8WApzIQQ?autoplay=1&rel=0&start=750',
    )
    expect(sources[1]!.embedUrl).toContain(
      'https://player.bilibili.com/player.html?bvid=BV1R7411t71W',
    )
    expect(sources[1]!.embedUrl).toContain('p=6')
    expect(startSeconds('1:02:03')).toBe(3723)
  })

  it('Quiz: single answer as radios, several correct as checkboxes, the answer in <details>', () => {
    const single = renderToStaticMarkup(
      <Quiz anchor="quiz-1">
        <p>问题</p>
        <Choice>甲</Choice>
        <Choice correct>乙</Choice>
        <Explanation>因为</Explanation>
      </Quiz>,
    )
    expect(single.match(/type="radio"/g)).toHaveLength(2)
    expect(single).toContain('正确答案：B')
    const multiple = renderToStaticMarkup(
      <Quiz anchor="quiz-2">
        <Choice correct>甲</Choice>
        <Choice correct>乙</Choice>
        <Choice>丙</Choice>
      </Quiz>,
    )
    expect(multiple.match(/type="checkbox"/g)).toHaveLength(3)
    expect(multiple).toContain('多选')
    expect(() =>
      renderToStaticMarkup(
        <Quiz>
          <Choice>甲</Choice>
        </Quiz>,
      ),
    ).toThrow(/at least two <Choice>/)
  })

  it('CodeTabs: every block is present and labelled, the first selected', () => {
    const html = renderToStaticMarkup(
      <CodeTabs>
        <CodeBlock language="go" html="<pre><code>package main</code></pre>" />
        <CodeBlock language="python" title="main.py" html="<pre><code>print(1)</code></pre>" />
      </CodeTabs>,
    )
    expect(html.match(/role="tab"/g)).toHaveLength(2)
    expect(html).toContain('>Go</button>')
    expect(html).toContain('>main.py</button>')
    expect(html.match(/role="tabpanel"/g)).toHaveLength(2)
    expect(html).toContain('print(1)')
  })

  it('Callout, Paper, Figure and a build-time Mermaid diagram', () => {
    expect(renderToStaticMarkup(<Callout type="warning">小心</Callout>)).toContain('注意')
    const paper = renderToStaticMarkup(
      <Paper
        title="Raft"
        authors="Ongaro, Ousterhout"
        year={2014}
        url="https://raft.github.io/raft.pdf"
      />,
    )
    expect(paper).toContain('href="https://raft.github.io/raft.pdf"')
    expect(paper).toContain('Ongaro, Ousterhout · 2014')
    expect(renderToStaticMarkup(<Figure src="/a.png" alt="图" caption="说明" />)).toContain(
      '<figcaption>说明</figcaption>',
    )
    expect(renderToStaticMarkup(<Mermaid chart="graph TD; A-->B" svg="<svg></svg>" />)).toContain(
      'data-mermaid="static"',
    )
    const client = renderToStaticMarkup(<Mermaid chart="pie title x" />)
    expect(client).toContain('data-mermaid="client"')
    expect(client).toContain('pie title x')
  })
})

import { compile, run } from '@mdx-js/mdx'
import type { ComponentType } from 'react'
import * as runtime from 'react/jsx-runtime'
import { renderToStaticMarkup } from 'react-dom/server'
import { VFile } from 'vfile'
import { describe, expect, it } from 'vitest'
import { narrowChart, parseMermaidMeta } from '@/lib/mdx/mermaid-narrow.ts'
import remarkMermaid from '@/lib/mdx/remark-mermaid.ts'
import { Mermaid } from '@/components/mdx/mermaid'

/** Compiles MDX with the mermaid step alone; returns the HTML and the problems it recorded. */
async function render(source: string) {
  const file = new VFile({ path: '/content/course/lecture-01.mdx', value: source })
  const code = String(
    await compile(file, { remarkPlugins: [remarkMermaid], outputFormat: 'function-body' }),
  )
  const { default: Content } = (await run(code, { ...runtime, baseUrl: import.meta.url })) as {
    default: ComponentType<{ components: unknown }>
  }
  const html = renderToStaticMarkup(<Content components={{ Mermaid }} />)
  return { html, problems: file.data.contentProblems ?? [] }
}

const wide = 'flowchart LR\n  A["客户端"] --> B["领导者"] --> C["跟随者"] --> D["状态机"]'

describe('a wide flowchart re-laid out for narrow screens (narrow="TB")', () => {
  it('turns only the top-level direction of a left-to-right flowchart', () => {
    const chart = '%% comment\ngraph RL;\n  subgraph S\n    direction LR\n    A --> B\n  end'
    expect(narrowChart(chart, 'TB')).toEqual({
      ok: true,
      chart: '%% comment\ngraph TB;\n  subgraph S\n    direction LR\n    A --> B\n  end',
    })
  })

  it('refuses a flowchart that is already vertical, and other diagram types', () => {
    const vertical = narrowChart('flowchart TD\n  A --> B', 'TB')
    expect(vertical.ok || vertical.message).toMatch(/already "flowchart TD"/)
    const sequence = narrowChart('sequenceDiagram\n  A->>B: hi', 'TB')
    expect(sequence.ok || sequence.message).toMatch(/flowcharts only.*"sequenceDiagram"/)
  })

  it('reads the fence option and names anything else', () => {
    expect(parseMermaidMeta(undefined)).toEqual({ ok: true, layout: undefined })
    expect(parseMermaidMeta('narrow="TB"')).toEqual({ ok: true, layout: 'TB' })
    expect(parseMermaidMeta("narrow='TB'")).toEqual({ ok: true, layout: 'TB' })
    const lower = parseMermaidMeta('narrow="tb"')
    expect(lower.ok || lower.message).toBe('narrow="tb" is not a layout')
    const other = parseMermaidMeta('title="x"')
    expect(other.ok || other.message).toBe('unknown option "title="x"" on a mermaid fence')
  })

  it('draws the fence twice at build time: the wide layout and a top-to-bottom one', async () => {
    const { html, problems } = await render('```mermaid narrow="TB"\n' + wide + '\n```\n')
    expect(problems).toEqual([])
    const wideSvg =
      /data-layout="wide"[^>]*><svg[^>]*viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(html)
    const narrowSvg =
      /data-layout="narrow"[^>]*><svg[^>]*viewBox="[\d.-]+ [\d.-]+ ([\d.]+) ([\d.]+)"/.exec(html)
    expect(wideSvg).not.toBeNull()
    expect(narrowSvg).not.toBeNull()
    const [wideWidth, wideHeight] = [Number(wideSvg![1]), Number(wideSvg![2])]
    const [narrowWidth, narrowHeight] = [Number(narrowSvg![1]), Number(narrowSvg![2])]
    expect(wideWidth).toBeGreaterThan(wideHeight)
    expect(narrowHeight).toBeGreaterThan(narrowWidth)
    // Both may share a page: ids stay unique.
    const ids = [...html.matchAll(/\sid="([^"]+)"/g)].map((match) => match[1])
    expect(new Set(ids).size).toBe(ids.length)
  })

  it('does the same for the component prop', async () => {
    const { html } = await render(`<Mermaid narrow="TB" chart={\`${wide}\`} />\n`)
    expect(html).toContain('data-layout="narrow"')
  })

  it('leaves a diagram without the option drawn once', async () => {
    const { html } = await render('```mermaid\n' + wide + '\n```\n')
    expect(html).not.toContain('data-layout')
  })

  it('reports narrow on a diagram it cannot re-lay out, at its line', async () => {
    const { html, problems } = await render(
      '# 标题\n\n```mermaid narrow="TB"\nsequenceDiagram\n  A->>B: hi\n```\n',
    )
    expect(html).not.toContain('data-layout')
    expect(problems).toMatchObject([
      {
        file: '/content/course/lecture-01.mdx',
        line: 3,
        message: expect.stringMatching(/flowcharts only/),
        hint: expect.stringContaining('narrow="TB"'),
      },
    ])
  })
})

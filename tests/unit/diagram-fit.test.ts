import { describe, expect, it } from 'vitest'
import { renderMermaidSVG } from 'beautiful-mermaid'
import { estimateTextWidth, fitDiagramSvg, MIN_DIAGRAM_TEXT_PX } from '@/lib/mdx/diagram-fit.ts'
import { centred, fitView, MAX_SCALE, panBy, zoomAt } from '@/lib/diagram/zoom.ts'

const openTag = (svg: string) => /^<svg[^>]*>/.exec(svg)![0]
const number = (tag: string, pattern: RegExp) => Number(pattern.exec(tag)![1])

describe('diagram sizing', () => {
  it('shrinks a diagram only as far as its smallest text stays legible', () => {
    const svg =
      '<svg xmlns="http://www.w3.org/2000/svg" viewBox="0 0 800 200" width="800" height="200" style="--bg:x">' +
      '<text x="100" y="20" font-size="22">Node</text><text x="300" y="40" font-size="16">edge</text></svg>'
    const tag = openTag(fitDiagramSvg(svg))
    expect(tag).not.toMatch(/\swidth="/)
    expect(tag).toContain('--bg:x')
    // Smallest text 16 units: at 11/16 of natural width it renders at 11 px, no smaller.
    expect(number(tag, /min-width:([\d.]+)px/)).toBe((800 * MIN_DIAGRAM_TEXT_PX) / 16)
    expect(number(tag, /max-width:([\d.]+)px/)).toBe(800)
  })

  it('keeps a diagram whose text is already small at its natural size', () => {
    const svg = '<svg viewBox="0 0 300 100"><text x="10" y="10" font-size="9">tiny</text></svg>'
    const tag = openTag(fitDiagramSvg(svg))
    expect(number(tag, /min-width:([\d.]+)px/)).toBe(300)
  })

  it('widens the viewBox to take in a centred label longer than the gap it sits in', () => {
    // The gRPC sequence diagram of system-design week 3: labels clipped at the left edge.
    const svg = renderMermaidSVG(
      'sequenceDiagram\n  participant C as 客户端存根\n  participant S as 服务端\n  C->>S: HEADERS（流 1）：POST /inventory.v1.Inventory/Reserve，grpc-timeout: 200m',
      { bg: '#fff', fg: '#000' },
    )
    const before = number(openTag(svg), /viewBox="([-\d.]+)/)
    const fitted = openTag(fitDiagramSvg(svg))
    const [x, , width] = /viewBox="([^"]+)"/.exec(fitted)![1]!.split(' ').map(Number) as [
      number,
      number,
      number,
    ]
    expect(x).toBeLessThan(before)
    const label = /<text x="([\d.]+)"[^>]*text-anchor="middle"[^>]*>(HEADERS[^<]*)</.exec(svg)!
    const half = estimateTextWidth(label[2]!, 11) / 2
    expect(x).toBeLessThanOrEqual(Number(label[1]) - half)
    expect(x + width).toBeGreaterThanOrEqual(Number(label[1]) + half)
  })

  it('counts CJK characters a full em wide', () => {
    expect(estimateTextWidth('一致性', 10)).toBe(30)
    expect(estimateTextWidth('ab', 10)).toBe(12)
  })
})

describe('full-screen diagram view', () => {
  const content = { width: 2000, height: 400 }
  const viewport = { width: 400, height: 800 }

  it('fits a wide diagram to the screen, never enlarging a small one', () => {
    expect(fitView(content, viewport).scale).toBe(0.2)
    expect(fitView({ width: 100, height: 100 }, viewport)).toEqual({ scale: 1, x: 150, y: 350 })
  })

  it('zooms about the pointer, keeping the point under it in place', () => {
    const view = zoomAt({ scale: 1, x: 0, y: 0 }, 2, 100, 50)
    expect(view).toEqual({ scale: 2, x: -100, y: -50 })
    expect(zoomAt({ scale: MAX_SCALE, x: 0, y: 0 }, 2, 0, 0).scale).toBe(MAX_SCALE)
  })

  it('pans and centres', () => {
    expect(panBy({ scale: 1, x: 5, y: 5 }, -10, 20)).toEqual({ scale: 1, x: -5, y: 25 })
    expect(centred(content, viewport, 1)).toEqual({ scale: 1, x: 0, y: 200 })
  })
})

import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { HistoryChecker } from '@/components/mdx/history-checker'
import HistoryLive from '@/components/sim/history/history-live'
import { HistoryView } from '@/components/sim/history/history-view'
import { checkHistory } from '@/lib/sim/history/check'
import { historyPresets } from '@/lib/sim/history/presets'

describe('<HistoryChecker> at build time', () => {
  it('draws the preset history, its caption and a live 检查 button; every edit waits for the code', () => {
    const html = renderToStaticMarkup(<HistoryChecker history="stale-read" />)
    expect(html).toContain('data-sim="history"')
    expect(html).toContain(historyPresets['stale-read'].caption)
    for (const client of ['C1', 'C2', 'C3']) expect(html).toContain(`>${client}</text>`)
    expect(html).toContain('时间线：C1 写 1（0–30）；C2 读到 1（5–10）；C3 读到 0（15–20）')
    expect(html).toMatch(/<button type="button"[^>]*data-sim-play="true"[^>]*>检查/)
    expect(html).not.toMatch(/data-sim-play="true"[^>]*disabled/)
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>添加操作/)
    expect(html).toMatch(/<input aria-label="第 3 个操作读到的值"[^>]*disabled=""[^>]*value="0"/)
    expect(html).toContain('按“检查”判断这段历史是否线性一致。')
  })

  it('takes an inline history, with a default title', () => {
    const html = renderToStaticMarkup(
      <HistoryChecker ops={[{ client: 'A', kind: 'write', value: 3, invoke: 0, return: null }]} />,
    )
    expect(html).toContain('历史检查器')
    expect(html).toContain('时间线：A 写 3（0 起，超时）')
  })
})

describe('HistoryView with a verdict', () => {
  it('numbers the linearization points and lists the order', () => {
    const ops = historyPresets['concurrent-writes'].ops
    const html = renderToStaticMarkup(
      <HistoryView title="t" ops={ops} result={checkHistory(ops)} problems={[]} />,
    )
    expect(html).toContain('线性一致。')
    expect(html.match(/class="history-point"/g)).toHaveLength(4)
    expect(html).toMatch(/<ol class="history-order"><li>C2 写 2（5–15）<\/li><li>C1 写 1（0–10）/)
  })

  it('explains a dead end and marks the stuck operation', () => {
    const ops = historyPresets['stale-read'].ops
    const html = renderToStaticMarkup(
      <HistoryView title="t" ops={ops} result={checkHistory(ops)} problems={[]} />,
    )
    expect(html).toContain('不线性一致。')
    expect(html).toContain('C1 写 1（0–30） → C2 读到 1（5–10）')
    expect(html).toContain('读到 0，但此时寄存器只能是 1')
    expect(html).toMatch(/data-stuck="true"/)
  })
})

describe('the live checker', () => {
  it('checks at once when the reader pressed 检查 on the static picture, and enables every control', () => {
    const html = renderToStaticMarkup(
      <HistoryLive history="stale-read" autoPlay={true} autoFocus={false} />,
    )
    expect(html).toContain('读到 0，但此时寄存器只能是 1')
    expect(html).toMatch(/<button type="submit"[^>]*data-sim-play="true"[^>]*>检查/)
    expect(html).not.toMatch(/<button[^>]*disabled=""[^>]*>添加操作/)
    expect(html.match(/class="history-handle"/g)).toHaveLength(6)
  })

  it('waits for 检查 when it loaded because the reader scrolled near it', () => {
    const html = renderToStaticMarkup(
      <HistoryLive history="stale-read" autoPlay={false} autoFocus={false} />,
    )
    expect(html).toContain('按“检查”判断这段历史是否线性一致。')
  })
})

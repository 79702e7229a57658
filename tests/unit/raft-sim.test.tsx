import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { RaftSim } from '@/components/mdx/raft-sim'
import { raftScenarios } from '@/lib/sim/raft/scenarios'

describe('<RaftSim> at build time', () => {
  it('draws the start state, its caption and a live play button; every other control waits for the code', () => {
    const html = renderToStaticMarkup(<RaftSim scenario="leader-crash" />)
    expect(html).toContain('data-sim="raft"')
    for (const name of ['S1', 'S2', 'S3', 'S4', 'S5']) expect(html).toContain(`>${name}<`)
    expect(html).not.toContain('>S6<')
    expect(html).toContain(raftScenarios['leader-crash'].caption)
    expect(html).toMatch(/<button[^>]*data-sim-play="true"[^>]*>/)
    expect(html).not.toMatch(/<button[^>]*data-sim-play="true"[^>]*disabled/)
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>单步/)
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>崩溃 S1/)
    // Every server starts as a follower in term 0, its first timer full.
    expect(html.match(/data-role="follower"/g)).toHaveLength(5)
    expect(html).toContain('S1：跟随者，任期 0，日志 0 条，已提交 0 条')
  })

  it('takes the server count and seed from its props', () => {
    const html = renderToStaticMarkup(<RaftSim servers={7} seed={99} />)
    expect(html).toContain('>S7<')
    expect(html).toMatch(/value="99"/)
  })
})

import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { HashRing } from '@/components/mdx/hash-ring'
import { MapReduceSim } from '@/components/mdx/mapreduce-sim'
import { hashRingScenarios } from '@/lib/sim/hashring/scenarios'
import { mapReduceScenarios } from '@/lib/sim/mapreduce/scenarios'

const playButton = /<button[^>]*data-sim-play="true"[^>]*>/

describe('<MapReduceSim> at build time', () => {
  it('draws the idle job, its caption and a live play button; every other control waits for the code', () => {
    const html = renderToStaticMarkup(<MapReduceSim scenario="worker-crash" />)
    expect(html).toContain('data-sim="mapreduce"')
    expect(html).toContain(mapReduceScenarios['worker-crash'].caption)
    expect(html.match(/class="mr-task" data-state="idle"/g)).toHaveLength(6 + 3)
    expect(html.match(/class="mr-worker"/g)).toHaveLength(3)
    expect(html).toMatch(playButton)
    expect(html).not.toMatch(/<button[^>]*data-sim-play="true"[^>]*disabled/)
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>崩溃 W2/)
    expect(html).toContain('W1：空闲')
  })

  it('takes the job size and seed from its props', () => {
    const html = renderToStaticMarkup(<MapReduceSim workers={5} maps={10} reduces={4} seed={42} />)
    expect(html.match(/class="mr-worker"/g)).toHaveLength(5)
    expect(html.match(/class="mr-task"/g)).toHaveLength(14)
    expect(html).toMatch(/value="42"/)
  })
})

describe('<HashRing> at build time', () => {
  it('draws the ring with its virtual nodes and keys, the loads and the caption', () => {
    const html = renderToStaticMarkup(<HashRing />)
    const scenario = hashRingScenarios['add-node']
    expect(html).toContain('data-sim="hashring"')
    expect(html).toContain(scenario.caption)
    expect(html.match(/class="hr-vnode"/g)).toHaveLength(scenario.nodes * scenario.vnodes)
    expect(html.match(/class="hr-key"/g)).toHaveLength(scenario.keys)
    expect(html).not.toContain('data-moved')
    expect(html).toMatch(playButton)
    expect(html).toMatch(/<button[^>]*disabled=""[^>]*>加入 N5/)
    expect(html).toContain('还没有变动')
  })

  it('takes nodes, virtual nodes and keys from its props', () => {
    const html = renderToStaticMarkup(<HashRing scenario="vnodes" nodes={3} vnodes={2} keys={30} />)
    expect(html.match(/class="hr-vnode"/g)).toHaveLength(6)
    expect(html.match(/class="hr-key"/g)).toHaveLength(30)
    expect(html).toMatch(/aria-pressed="true"[^>]*>2</)
  })
})

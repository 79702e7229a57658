import { describe, expect, it } from 'vitest'
import { RaftInvariants } from '@/lib/sim/raft/invariants'
import { RaftSimulation } from '@/lib/sim/raft/raft'
import { raftScenarios, type RaftScenarioName } from '@/lib/sim/raft/scenarios'

function scenario(name: RaftScenarioName, until: number) {
  const { servers, seed, script, ...rest } = raftScenarios[name]
  const invariants = new RaftInvariants()
  const sim = new RaftSimulation({
    servers,
    seed,
    script,
    firstTimeouts: 'firstTimeouts' in rest ? rest.firstTimeouts : undefined,
    observer: invariants.observer,
  })
  sim.advanceTo(until)
  invariants.checkLogs(sim.servers)
  expect(invariants.violations).toEqual([])
  return sim
}
const texts = (sim: RaftSimulation) => sim.log.map((entry) => entry.text)
const leaderLines = (sim: RaftSimulation) =>
  texts(sim).filter((text) => text.includes('领导者') && text.includes('成为任期'))

describe('Raft core', () => {
  it('elects one leader and replicates and commits a client command on every server', () => {
    const sim = new RaftSimulation({ servers: 5, seed: 11 })
    sim.advanceTo(600)
    const leader = sim.leader!
    expect(leader).toBeDefined()
    expect(sim.servers.filter((server) => server.role === 'leader')).toHaveLength(1)
    sim.act({ type: 'request' })
    sim.advanceTo(sim.now + 300)
    for (const server of sim.servers) {
      expect(server.term).toBe(leader.term)
      expect(server.log).toEqual([{ term: leader.term, command: 'x←1' }])
      expect(server.applied).toEqual(['x←1'])
    }
  })

  it('repeats a run from its seed and the reader’s recorded actions, even one taken mid-instant', () => {
    const first = new RaftSimulation({ servers: 5, seed: 42 })
    first.advanceTo(500)
    first.act({ type: 'request' })
    first.step()
    first.act({ type: 'crash', server: 'leader' })
    first.advanceTo(900)
    first.act({ type: 'partition', groups: [0, 1, 1, 0, 1] })
    first.step()
    first.act({ type: 'drop' })
    first.advanceTo(2000)

    const again = new RaftSimulation({ servers: 5, seed: 42, replay: first.actions })
    again.advanceTo(2000)
    expect(texts(again)).toEqual(texts(first))
    expect(again.servers).toEqual(first.servers)
    // Played as the browser plays it: the clock advanced in small slices, one per frame.
    const sliced = new RaftSimulation({ servers: 5, seed: 42, replay: first.actions })
    while (sliced.now < 2000) sliced.advanceTo(Math.min(2000, sliced.now + 1.7))
    expect(texts(sliced)).toEqual(texts(first))

    const other = new RaftSimulation({ servers: 5, seed: 43 })
    other.advanceTo(2000)
    expect(texts(other)).not.toEqual(texts(first))
  })

  it('refuses a server count outside 3–7', () => {
    expect(() => new RaftSimulation({ servers: 2, seed: 1 })).toThrow(/3 to 7/)
    expect(() => new RaftSimulation({ servers: 8, seed: 1 })).toThrow(/3 to 7/)
  })

  it('a crashed leader keeps its log, and a restarted server rejoins as a follower', () => {
    const sim = new RaftSimulation({ servers: 3, seed: 5 })
    sim.advanceTo(600)
    const old = sim.leader!
    sim.act({ type: 'request' })
    sim.advanceTo(sim.now + 200)
    sim.act({ type: 'crash', server: old.id })
    expect(old.up).toBe(false)
    expect(old.log).toHaveLength(1)
    sim.advanceTo(sim.now + 1000)
    expect(sim.leader!.id).not.toBe(old.id)
    sim.act({ type: 'restart', server: old.id })
    sim.advanceTo(sim.now + 500)
    expect(old.role).toBe('follower')
    expect(old.term).toBe(sim.leader!.term)
  })
})

describe('Raft scenarios', () => {
  it('split-vote: four candidates in term 1, nobody wins it, a later term elects one leader', () => {
    const sim = scenario('split-vote', 3000)
    expect(texts(sim).filter((text) => text.includes('开始任期 1 的选举'))).toHaveLength(4)
    expect(texts(sim).some((text) => text.includes('成为任期 1 的领导者'))).toBe(false)
    expect(leaderLines(sim).length).toBeGreaterThan(0)
  })

  it('leader-crash: S1 leads term 1, crashes, another server leads a later term, S1 catches up', () => {
    const sim = scenario('leader-crash', 3000)
    expect(leaderLines(sim)[0]).toMatch(/^S1 .*任期 1 的领导者/)
    expect(leaderLines(sim).at(-1)).not.toMatch(/^S1 /)
    const logs = sim.servers.map((server) => server.log)
    for (const log of logs) expect(log).toEqual(logs[1])
    expect(sim.servers[0]!.applied).toEqual(['x←1', 'x←2', 'x←3'])
  })

  it('figure-8: an old-term entry on a majority is not committed, and is overwritten', () => {
    const sim = scenario('figure-8', 2500)
    const lines = texts(sim)
    expect(lines).toContain('S1 收到客户端请求 x←2，写入日志第 2 条')
    expect(lines).toContain('S5 收到客户端请求 x←3，写入日志第 2 条')
    // x←2 reaches S1–S4 under S1's term 3, a majority, yet S1 never commits index 2.
    expect(lines).toContain('S3 追加日志，现在到第 2 条')
    expect(lines).toContain('S4 追加日志，现在到第 2 条')
    expect(lines.some((text) => /^S1 提交到第 2 条/.test(text))).toBe(false)
    expect(leaderLines(sim).at(-1)).toMatch(/^S5 .*任期 4 的领导者/)
    for (const server of sim.servers) {
      expect(server.log.map((entry) => entry.command)).toEqual(['x←1', 'x←3', 'x←4'])
      expect(server.applied).not.toContain('x←2')
    }
  })

  it('figure-8 with a request to S1 in term 3: x←2 commits with it, and S5 cannot win', () => {
    const { servers, seed, firstTimeouts, script } = raftScenarios['figure-8']
    const sim = new RaftSimulation({
      servers,
      seed,
      firstTimeouts,
      script: [...script, { at: 1050, action: { type: 'request', server: 0 } }],
    })
    sim.advanceTo(2500)
    expect(texts(sim)).toContain('S1 提交到第 3 条（多数派已复制）')
    expect(leaderLines(sim).some((text) => /^S5 /.test(text) && /任期 [3-9]/.test(text))).toBe(
      false,
    )
    for (const server of sim.servers)
      expect(server.log.slice(0, 3).map((entry) => entry.command)).toEqual(['x←1', 'x←2', 'x←4'])
  })

  it('partition-minority-leader: the old leader’s entry is never committed and is overwritten', () => {
    const sim = scenario('partition-minority-leader', 3500)
    expect(texts(sim)).toContain('S1 收到客户端请求 x←2，写入日志第 2 条')
    expect(texts(sim).some((text) => /^S1 看到更高的任期/.test(text))).toBe(true)
    for (const server of sim.servers) {
      expect(server.applied).toEqual(['x←1', 'x←3'])
      expect(server.log.map((entry) => entry.command)).toEqual(['x←1', 'x←3'])
    }
  })
})

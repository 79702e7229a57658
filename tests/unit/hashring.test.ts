import { describe, expect, it } from 'vitest'
import { HashRingSimulation } from '@/lib/sim/hashring/hashring'
import {
  buildRing,
  hash32,
  keyPositions,
  ownerOf,
  RING_SIZE,
  ringOwners,
  ringShares,
} from '@/lib/sim/hashring/ring'
import { hashRingScenarios } from '@/lib/sim/hashring/scenarios'
import { createHashRingRun } from '@/lib/sim/hashring/setup'
import { createRandom } from '@/lib/sim/random'

/**
 * Consistent hashing's promises, checked over many seeds: a change moves only the keys on the
 * arcs it touches, about K/N keys on an add where hash mod N moves most of them, and more
 * virtual nodes narrow the spread of load. Each failure names its seed.
 */

const SEEDS = 300

describe('the ring', () => {
  it('hashes the same on every machine and owns a position by the next virtual node clockwise', () => {
    expect(hash32('key-1', 1)).toBe(hash32('key-1', 1))
    expect(hash32('key-1', 1)).not.toBe(hash32('key-2', 1))
    expect(hash32('key-1', 1)).not.toBe(hash32('key-1', 2))
    const ring = buildRing([0, 1, 2], 2, 5)
    expect(ring.map((point) => point.position)).toEqual(
      [...ring.map((point) => point.position)].sort((a, b) => a - b),
    )
    expect(ownerOf(ring, ring[1]!.position)).toBe(ring[1]!.node)
    expect(ownerOf(ring, ring[1]!.position + 1)).toBe(ring[2]!.node)
    // Past the last virtual node the search wraps around to the first.
    expect(ownerOf(ring, ring.at(-1)!.position + 1)).toBe(ring[0]!.node)
    expect(ownerOf(ring, RING_SIZE - 1)).toBe(
      ring.at(-1)!.position === RING_SIZE - 1 ? ring.at(-1)!.node : ring[0]!.node,
    )
  })

  it('shares the whole ring among the nodes', () => {
    for (const vnodes of [1, 3, 64]) {
      const shares = ringShares(buildRing([0, 1, 2, 3], vnodes, 9))
      const total = [...shares.values()].reduce((sum, share) => sum + share, 0)
      expect(total).toBeCloseTo(1, 12)
      expect(shares.size).toBe(4)
    }
  })
})

describe('changing the ring', () => {
  it(`moves only the keys of the affected arcs, in ${SEEDS} random rings`, () => {
    const failures: string[] = []
    for (let seed = 1; seed <= SEEDS; seed++) {
      const random = createRandom(seed)
      const sim = new HashRingSimulation({
        nodes: random.int(2, 7),
        vnodes: random.pick([1, 2, 4, 8, 16, 64]),
        keys: random.int(10, 200),
        seed,
      })
      const before = sim.owners
      sim.act({ type: 'add' })
      const added = sim.nodes.at(-1)!
      const movedOnAdd = before.flatMap((owner, key) => (owner === sim.owners[key] ? [] : [key]))
      const nowOnNew = sim.owners.flatMap((owner, key) => (owner === added ? [key] : []))
      // Exactly the keys the new node took moved; nothing moved between the old nodes.
      if (movedOnAdd.join() !== nowOnNew.join())
        failures.push(`seed ${seed}: add moved ${movedOnAdd} but the new node owns ${nowOnNew}`)
      if (sim.lastChange!.moved.join() !== movedOnAdd.join())
        failures.push(`seed ${seed}: the log's moved keys differ`)

      const leaving = random.pick(sim.nodes)
      const held = sim.owners.flatMap((owner, key) => (owner === leaving ? [key] : []))
      const ownersBefore = sim.owners
      sim.act({ type: 'remove', node: leaving })
      const movedOnRemove = ownersBefore.flatMap((owner, key) =>
        owner === sim.owners[key] ? [] : [key],
      )
      // Exactly the leaving node's keys moved, each to the owner of the next virtual node clockwise.
      if (movedOnRemove.join() !== held.join())
        failures.push(`seed ${seed}: remove moved ${movedOnRemove} but the node held ${held}`)
      const keys = keyPositions(sim.keys.length, seed)
      expect(ringOwners(buildRing(sim.nodes, sim.vnodes, seed), keys)).toEqual(sim.owners)
    }
    expect(failures.slice(0, 5)).toEqual([])
  })

  it('moves about K/(N+1) keys when a node joins, where hash mod N moves about N/(N+1) of them', () => {
    const keys = 200
    for (const nodes of [3, 4, 6]) {
      let moved = 0
      let modMoved = 0
      for (let seed = 1; seed <= SEEDS; seed++) {
        const sim = new HashRingSimulation({ nodes, vnodes: 64, keys, seed })
        sim.act({ type: 'add' })
        moved += sim.lastChange!.moved.length
        modMoved += sim.lastChange!.modMoved
      }
      const fraction = moved / (SEEDS * keys)
      const modFraction = modMoved / (SEEDS * keys)
      expect(Math.abs(fraction - 1 / (nodes + 1))).toBeLessThan(0.015)
      expect(Math.abs(modFraction - nodes / (nodes + 1))).toBeLessThan(0.015)
    }
  })

  it('narrows the spread of load as virtual nodes grow: on average, and exactly in the vnodes scenario', () => {
    const widest = (vnodes: number) => {
      let sum = 0
      for (let seed = 1; seed <= SEEDS; seed++)
        sum += Math.max(...ringShares(buildRing([0, 1, 2, 3, 4], vnodes, seed)).values())
      return sum / SEEDS
    }
    const spreads = [1, 4, 16, 64].map(widest)
    for (let i = 1; i < spreads.length; i++) expect(spreads[i]).toBeLessThan(spreads[i - 1]!)
    expect(spreads.at(-1)!).toBeLessThan(0.3)

    const scenario = hashRingScenarios.vnodes
    const sim = createHashRingRun(scenario, scenario.seed)
    const loads = [sim.loads]
    while (sim.step()) loads.push(sim.loads)
    expect(loads).toEqual([
      [17, 15, 72, 16],
      [15, 33, 31, 41],
      [30, 33, 28, 29],
      [31, 29, 29, 31],
    ])
  })

  it('keeps at least two nodes, at most eight, and says so in the log', () => {
    const sim = new HashRingSimulation({ nodes: 2, vnodes: 4, keys: 20, seed: 3 })
    sim.act({ type: 'remove', node: 0 })
    expect(sim.nodes).toEqual([0, 1])
    expect(sim.log.at(-1)!.text).toBe('环上至少要留 2 个节点')
    for (let i = 0; i < 7; i++) sim.act({ type: 'add' })
    expect(sim.nodes).toHaveLength(8)
    expect(sim.log.at(-1)!.text).toBe('环上已有 8 个节点，不能再加')
  })

  it('plays the add-node scenario and replays a reader’s changes', () => {
    const scenario = hashRingScenarios['add-node']
    const sim = createHashRingRun(scenario, scenario.seed)
    expect(sim.step()).toBe(true)
    expect(sim.log[0]!.text).toMatch(
      /^加入 N5：一致性哈希下 \d+ 个键（\d+%）改由 N5 负责，其余不动；若用 hash mod N（N 从 4 变 5），\d+ 个键/,
    )
    expect(sim.step()).toBe(false)
    sim.act({ type: 'remove', node: 0 })
    sim.act({ type: 'vnodes', count: 16 })
    const again = createHashRingRun(scenario, scenario.seed, sim.actions)
    again.advanceTo(sim.now)
    expect(again.log).toEqual(sim.log)
    expect(again.owners).toEqual(sim.owners)
  })
})

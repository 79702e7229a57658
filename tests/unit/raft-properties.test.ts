import { describe, expect, it } from 'vitest'
import { createRandom } from '@/lib/sim/random'
import { RaftInvariants } from '@/lib/sim/raft/invariants'
import { RaftSimulation } from '@/lib/sim/raft/raft'
import type { RaftAction } from '@/lib/sim/raft/types'

/**
 * Raft's safety properties over many seeded random runs with crashes, restarts, partitions,
 * message loss and client requests. A failure names the seed: `runWithFaults(seed)` repeats it.
 */

const RUNS = 1500
const DURATION = 4000

function randomAction(random: ReturnType<typeof createRandom>, sim: RaftSimulation): RaftAction {
  const down = sim.servers.filter((server) => !server.up)
  const roll = random.next()
  if (roll < 0.35) return { type: 'request' }
  if (roll < 0.5)
    return { type: 'crash', server: random.chance(0.5) ? 'leader' : random.int(0, sim.size - 1) }
  if (roll < 0.65 && down.length > 0) return { type: 'restart', server: random.pick(down).id }
  if (roll < 0.75) return { type: 'partition', groups: sim.servers.map(() => random.int(0, 1)) }
  if (roll < 0.85) return { type: 'heal' }
  if (roll < 0.95) return { type: 'drop' }
  return { type: 'timeout', server: random.int(0, sim.size - 1) }
}

function runWithFaults(seed: number) {
  const invariants = new RaftInvariants()
  const faults = createRandom(seed + 1_000_003)
  const sim = new RaftSimulation({
    servers: faults.pick([3, 5, 5, 7]),
    seed,
    lossRate: faults.pick([0, 0.05, 0.2]),
    observer: invariants.observer,
  })
  while (sim.now < DURATION && invariants.violations.length === 0) {
    sim.advanceTo(sim.now + faults.between(20, 250))
    sim.act(randomAction(faults, sim))
    invariants.checkLogs(sim.servers)
  }
  // Heal everything and let the cluster settle, so late commits are checked too.
  sim.act({ type: 'heal' })
  for (const server of sim.servers) if (!server.up) sim.act({ type: 'restart', server: server.id })
  sim.advanceTo(sim.now + 1500)
  invariants.checkLogs(sim.servers)
  return { sim, invariants }
}

describe('Raft safety over random faults', () => {
  it(`holds election safety, log matching, leader completeness and state machine safety in ${RUNS} runs`, () => {
    const failures: string[] = []
    let committed = 0
    let elections = 0
    for (let seed = 1; seed <= RUNS; seed++) {
      const { sim, invariants } = runWithFaults(seed)
      committed += invariants.committedCount
      elections += sim.log.filter((entry) => entry.text.includes('成为任期')).length
      for (const violation of invariants.violations) failures.push(`seed ${seed}: ${violation}`)
    }
    expect(failures.slice(0, 5)).toEqual([])
    // Not vacuous: the runs elect leaders and commit entries despite the faults.
    expect(elections).toBeGreaterThan(RUNS * 2)
    expect(committed).toBeGreaterThan(RUNS * 2)
  })
})

import { describe, expect, it } from 'vitest'
import { MapReduceSimulation } from '@/lib/sim/mapreduce/mapreduce'
import { createRandom } from '@/lib/sim/random'
import { taskName, type Task } from '@/lib/sim/mapreduce/types'

/**
 * MapReduce's guarantees over many seeded runs with random crashes, restarts and stragglers,
 * one worker always left alive: every reduce output is committed exactly once (a map output
 * once, plus once more each time it is lost with a worker's disk), no reduce starts before
 * every map output exists, and the job finishes. A failure names the seed.
 */

const RUNS = 600
const FAULT_UNTIL = 20_000
const SETTLE = 300_000

function runWithFaults(seed: number) {
  const faults = createRandom(seed + 7_000_001)
  const violations: string[] = []
  const commits = new Map<Task, number>()
  const sim = new MapReduceSimulation({
    workers: faults.int(2, 6),
    maps: faults.int(1, 12),
    reduces: faults.int(1, 6),
    seed,
    backups: faults.chance(0.7),
    observer: {
      commit: (task) => commits.set(task, (commits.get(task) ?? 0) + 1),
      reduceStart: (task, maps, time) => {
        const missing = maps.filter((map) => map.state !== 'done')
        if (missing.length > 0)
          violations.push(
            `${taskName(task)} started at ${time} before ${missing.map(taskName).join(', ')}`,
          )
      },
    },
  })
  const survivor = faults.int(0, sim.workers.length - 1)
  while (sim.now < FAULT_UNTIL) {
    sim.advanceTo(sim.now + faults.between(50, 1500))
    const worker = faults.int(0, sim.workers.length - 1)
    const roll = faults.next()
    if (roll < 0.35 && worker !== survivor) sim.act({ type: 'crash', worker })
    else if (roll < 0.7) sim.act({ type: 'restart', worker })
    else sim.act({ type: 'slow', worker })
  }
  sim.advanceTo(FAULT_UNTIL + SETTLE)
  if (!sim.done) violations.push(`job not finished by ${FAULT_UNTIL + SETTLE} ms`)
  for (const task of sim.reduces)
    if ((commits.get(task) ?? 0) !== 1)
      violations.push(`${taskName(task)} committed ${commits.get(task) ?? 0} times`)
  for (const task of sim.maps)
    if ((commits.get(task) ?? 0) !== task.losses + 1)
      violations.push(
        `${taskName(task)} committed ${commits.get(task) ?? 0} times, its output lost ${task.losses}`,
      )
  return { sim, violations }
}

describe('MapReduce over random faults', () => {
  it(`commits each output once, reduces after maps, and finishes, in ${RUNS} runs`, () => {
    const failures: string[] = []
    let crashes = 0
    let lateReports = 0
    let backups = 0
    let lostMaps = 0
    for (let seed = 1; seed <= RUNS; seed++) {
      const { sim, violations } = runWithFaults(seed)
      for (const violation of violations) failures.push(`seed ${seed}: ${violation}`)
      crashes += sim.log.filter((entry) =>
        entry.text.endsWith('崩溃，本地磁盘上的数据随之丢失'),
      ).length
      lateReports += sim.log.filter((entry) => entry.text.includes('迟到的结果')).length
      backups += sim.attempts.filter((attempt) => attempt.backup).length
      lostMaps += sim.maps.reduce((sum, task) => sum + task.losses, 0)
    }
    expect(failures.slice(0, 5)).toEqual([])
    // Not vacuous: the runs crash workers, lose map outputs, start backups and see late reports.
    expect(crashes).toBeGreaterThan(RUNS)
    expect(lostMaps).toBeGreaterThan(RUNS / 2)
    expect(backups).toBeGreaterThan(RUNS / 4)
    expect(lateReports).toBeGreaterThan(RUNS / 4)
  })
})

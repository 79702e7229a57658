import { describe, expect, it } from 'vitest'
import { MapReduceSimulation } from '@/lib/sim/mapreduce/mapreduce'
import { mapReduceScenarios } from '@/lib/sim/mapreduce/scenarios'
import { createMapReduceRun, resolveMapReduceScenario } from '@/lib/sim/mapreduce/setup'

/** The stories the scenarios tell, read from the event log as a reader would. */

const texts = (sim: MapReduceSimulation) => sim.log.map((entry) => entry.text)
const indexOf = (sim: MapReduceSimulation, pattern: RegExp) =>
  texts(sim).findIndex((text) => pattern.test(text))

function run(name: keyof typeof mapReduceScenarios) {
  const scenario = mapReduceScenarios[name]
  const sim = createMapReduceRun(scenario, scenario.seed)
  sim.advanceTo(60_000)
  return sim
}

describe('MapReduce core', () => {
  it('normal: every map finishes before the first reduce is handed out, and the job finishes', () => {
    const sim = run('normal')
    expect(sim.done).toBe(true)
    const lastMap = texts(sim).findLastIndex((text) => /完成 map \d/.test(text))
    const firstReduce = indexOf(sim, /协调者把 reduce \d 交给/)
    expect(lastMap).toBeGreaterThan(0)
    expect(firstReduce).toBeGreaterThan(lastMap)
    const story = sim.log.filter((entry) => !entry.minor).map((entry) => entry.text)
    expect(story.at(-1)).toBe('所有 reduce 任务都已提交，作业完成')
    expect([...sim.maps, ...sim.reduces].every((task) => task.commits === 1)).toBe(true)
  })

  it("worker-crash: the coordinator re-runs the dead worker's running map and its completed one", () => {
    const sim = run('worker-crash')
    const crash = indexOf(sim, /^W2 崩溃/)
    const declared = indexOf(sim, /协调者认定 W2 失败：它手上的 map \d 重新发出；它已完成的 map \d/)
    expect(crash).toBeGreaterThanOrEqual(0)
    expect(declared).toBeGreaterThan(crash)
    const lost = sim.maps.filter((task) => task.losses > 0)
    expect(lost.length).toBeGreaterThan(0)
    for (const task of lost) {
      expect(task.doneBy).not.toBe(1)
      expect(task.commits).toBe(task.losses + 1)
    }
    expect(sim.done).toBe(true)
  })

  it('straggler: a backup attempt wins and the slow worker’s late report is ignored', () => {
    const sim = run('straggler')
    const backup = indexOf(
      sim,
      /(map|reduce) (\d) 快拖到阶段末尾了：协调者把它的备份执行交给 W[12]/,
    )
    expect(backup).toBeGreaterThan(0)
    const [, kind, number] = texts(sim)[backup]!.match(/(map|reduce) (\d)/)!
    const task = (kind === 'map' ? sim.maps : sim.reduces)[Number(number) - 1]!
    expect(task.doneBy).not.toBe(2)
    expect(task.commits).toBe(1)
    expect(
      indexOf(sim, new RegExp(`W3 报告 ${kind} ${number} 完成，但 W\\d 已先完成`)),
    ).toBeGreaterThan(backup)
    expect(sim.finishedAt).toBeLessThan(sim.attempts.find((a) => a.worker === 2)!.end)
  })

  it('without backups, a straggler’s task is handed out again when the timeout runs out', () => {
    const sim = new MapReduceSimulation({
      workers: 2,
      maps: 2,
      reduces: 1,
      seed: 4,
      backups: false,
      script: [{ at: 0, action: { type: 'slow', worker: 1 } }],
    })
    sim.advanceTo(60_000)
    expect(indexOf(sim, /协调者等 W2 的 map 2 超过 5 秒没有回音，把任务重新发出/)).toBeGreaterThan(
      0,
    )
    expect(indexOf(sim, /备份执行/)).toBe(-1)
    expect(sim.maps[1]!.doneBy).toBe(0)
    expect(sim.done).toBe(true)
  })

  it('backups={false} on the straggler scenario leaves only the timeout, and the job waits for W3', () => {
    const scenario = resolveMapReduceScenario({ scenario: 'straggler', backups: false })
    expect(scenario.title).toBe('MapReduce：慢节点与备份任务（不启用备份任务）')
    const sim = createMapReduceRun(scenario, scenario.seed)
    sim.advanceTo(60_000)
    expect(sim.attempts.some((attempt) => attempt.backup)).toBe(false)
    expect(indexOf(sim, /协调者等 W3 的 map 3 超过 5 秒没有回音/)).toBeGreaterThan(0)
    expect(sim.finishedAt).toBeGreaterThan(run('straggler').finishedAt! * 2)
  })

  it('a crash in the reduce phase sends the job back to re-run the lost maps before reduces go on', () => {
    const sim = new MapReduceSimulation({ workers: 3, maps: 3, reduces: 3, seed: 5 })
    while (sim.phase === 'map') sim.step()
    sim.act({ type: 'crash', worker: sim.maps[0]!.output!.worker })
    sim.advanceTo(60_000)
    expect(sim.maps[0]!.losses).toBe(1)
    expect(indexOf(sim, /有 map 输出丢失，reduce 要等这些 map 重新完成/)).toBeGreaterThan(0)
    expect(sim.done).toBe(true)
    expect(sim.reduces.every((task) => task.commits === 1)).toBe(true)
  })

  it('a restarted worker comes back with an empty disk and gets work again', () => {
    const sim = new MapReduceSimulation({ workers: 2, maps: 6, reduces: 2, seed: 6 })
    sim.advanceTo(1500)
    sim.act({ type: 'crash', worker: 0 })
    sim.act({ type: 'restart', worker: 0 })
    sim.advanceTo(60_000)
    const log = texts(sim)
    expect(log).toContain('W1 重启，磁盘是空的')
    expect(indexOf(sim, /W1 重新向协调者报到/)).toBeGreaterThan(indexOf(sim, /W1 重启/))
    expect(sim.attempts.some((a) => a.worker === 0 && a.incarnation === 1)).toBe(true)
    expect(sim.done).toBe(true)
  })

  it('replays the same run from the same seed and the reader’s actions', () => {
    const scenario = mapReduceScenarios.normal
    const first = createMapReduceRun(scenario, 9)
    for (let time = 0; time < 6000; time += 37) {
      first.advanceTo(time)
      if (time === 1184) first.act({ type: 'crash', worker: 1 })
      if (time === 1998) first.act({ type: 'slow', worker: 0 })
    }
    const again = createMapReduceRun(scenario, 9, first.actions)
    again.advanceTo(6000)
    expect(texts(again)).toEqual(texts(first))
    const other = createMapReduceRun(scenario, 10)
    other.advanceTo(6000)
    expect(texts(other)).not.toEqual(texts(first))
  })

  it('rejects sizes out of range', () => {
    expect(() => new MapReduceSimulation({ workers: 7, maps: 6, reduces: 3, seed: 1 })).toThrow(
      'workers must be an integer from 2 to 6, got 7',
    )
    expect(() => new MapReduceSimulation({ workers: 3, maps: 0, reduces: 3, seed: 1 })).toThrow(
      'maps must be an integer from 1 to 12',
    )
  })
})

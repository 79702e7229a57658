import type { TimedAction } from '../simulation'
import type { MapReduceAction } from './types'

/**
 * Named runs an author picks with `<MapReduceSim scenario="…" />`: a job's size, a seed and a
 * script of faults, with a caption of what to watch. The reader can still act. Imported by the
 * content checker (for the allowed names), so it imports types only.
 */
export interface MapReduceScenario {
  title: string
  caption: string
  workers: number
  maps: number
  reduces: number
  seed: number
  /** Backup tasks near the end of a phase (the paper's §3.6); on in every named scenario. */
  backups: boolean
  script: TimedAction<MapReduceAction>[]
}

export const mapReduceScenarios = {
  normal: {
    title: 'MapReduce：一次正常的作业',
    caption:
      '三个 worker 向协调者要任务：先做完全部 6 个 map，reduce 才开始。播放时留意 reduce 任务在最后一个 map 完成之前一直是灰的；也可以自己崩溃或拖慢一个 worker，看协调者怎样收拾。',
    workers: 3,
    maps: 6,
    reduces: 3,
    seed: 1,
    backups: true,
    script: [],
  },
  'worker-crash': {
    title: 'MapReduce：worker 崩溃',
    caption:
      'W2 在 1.9 秒崩溃，此时它已经完成了一个 map，手上还有一个。看协调者在下一次 ping 时认定它失败：进行中的 map 重新发出，连它已完成的 map 也要重做，因为那份输出在 W2 的本地磁盘上，随它一起没了。',
    workers: 3,
    maps: 6,
    reduces: 3,
    seed: 2,
    backups: true,
    script: [{ at: 1900, action: { type: 'crash', worker: 1 } }],
  },
  straggler: {
    title: 'MapReduce：慢节点与备份任务',
    caption:
      'W3 从一开始就比别人慢 6 倍。map 阶段快结束时，其余 worker 没活可干，协调者给 W3 手上拖着的任务启动一份备份执行；谁先完成算谁的，W3 迟到的报告被忽略。',
    workers: 3,
    maps: 6,
    reduces: 3,
    seed: 3,
    backups: true,
    script: [{ at: 0, action: { type: 'slow', worker: 2 } }],
  },
} satisfies Record<string, MapReduceScenario>

export type MapReduceScenarioName = keyof typeof mapReduceScenarios
export const mapReduceScenarioNames = Object.keys(mapReduceScenarios) as MapReduceScenarioName[]

import type { HistoryOp } from './types.ts'

export interface HistoryPreset {
  /** Shown above the checker, e.g. "历史：读到旧值". */
  title: string
  /** What to look for, under the checker. */
  caption: string
  ops: HistoryOp[]
}

const w = (client: string, value: number, invoke: number, ret: number | null): HistoryOp => ({
  client,
  kind: 'write',
  value,
  invoke,
  return: ret,
})
const r = (client: string, value: number, invoke: number, ret: number): HistoryOp => ({
  client,
  kind: 'read',
  value,
  invoke,
  return: ret,
})

/**
 * Histories an author can preload by name; all but `basic` are the histories H1–H6 of the
 * distributed-systems lecture 4, with their times.
 */
export const historyPresets = {
  basic: {
    title: '历史检查器',
    caption: '一个写，两个先后的读。改动时刻或读到的值，再按“检查”。',
    ops: [w('C1', 1, 0, 10), r('C2', 1, 15, 20), r('C2', 1, 25, 30)],
  },
  'concurrent-writes': {
    title: '历史 H1：重叠的写',
    caption:
      '两个写并发，谁先生效都可以；两个读都读到 1，所以写 1 必须排在写 2 之后。把 C3 的两个读都改成 2 再检查：另一种顺序同样合法。',
    ops: [w('C1', 1, 0, 10), w('C2', 2, 5, 15), r('C3', 1, 20, 25), r('C3', 1, 30, 35)],
  },
  'stale-read': {
    title: '历史 H2：看到新值之后又读到旧值',
    caption:
      'C2 的读在 10 返回、读到 1，C3 的读在 15 才开始，却读到 0。把 C3 的调用时刻改到 10 之前，再检查一次。',
    ops: [w('C1', 1, 0, 30), r('C2', 1, 5, 10), r('C3', 0, 15, 20)],
  },
  'split-reads': {
    title: '历史 H3：两个写都完成后，两个读各读到一个值',
    caption: '两个写都在 15 之前返回，两个读都在 20 之后才开始，它们必须读到同一个值。',
    ops: [w('C1', 1, 0, 10), w('C2', 2, 5, 15), r('C3', 2, 20, 30), r('C4', 1, 22, 28)],
  },
  'read-during-write': {
    title: '历史 H4：写进行期间，先读到旧值、后读到新值',
    caption: '写持续 20 个时间单位，期间先旧后新是允许的；和“看到新值之后又读到旧值”对比。',
    ops: [w('C1', 1, 0, 20), r('C2', 0, 5, 10), r('C3', 1, 12, 18)],
  },
  'time-reversal': {
    title: '历史 H5：同一个客户端看到时间倒流',
    caption: '没有任何操作重叠，唯一的顺序就是时间顺序，第二个读应当读到 2。',
    ops: [w('C1', 1, 0, 10), w('C1', 2, 20, 30), r('C2', 2, 40, 50), r('C2', 1, 60, 70)],
  },
  'timed-out-write': {
    title: '历史 H6：超时的写，后来被读到了',
    caption:
      'C1 的写没有返回，检查器把它的返回时刻当作无穷大：它可以在调用之后任何时刻生效，也可以从未生效。把 C2 读到的值改成 0 再检查。',
    ops: [w('C1', 1, 0, null), r('C2', 1, 50, 60)],
  },
} satisfies Record<string, HistoryPreset>

export type HistoryPresetName = keyof typeof historyPresets
export const historyPresetNames = Object.keys(historyPresets) as [
  HistoryPresetName,
  ...HistoryPresetName[],
]

import { type HistoryOp, MAX_OPS, MAX_TIME } from './types.ts'

/** One thing wrong with a history: in English for the build's error, in Chinese for the reader. */
export interface HistoryProblem {
  en: string
  zh: string
}

/** What is wrong with a history, one problem each (empty when it can be checked). */
export function historyProblems(ops: readonly HistoryOp[]): HistoryProblem[] {
  const problems: HistoryProblem[] = []
  const add = (en: string, zh: string) => problems.push({ en, zh })
  if (ops.length === 0)
    add('the history has no operations; give at least one', '历史里还没有操作。')
  if (ops.length > MAX_OPS)
    add(
      `the history has ${ops.length} operations; at most ${MAX_OPS} are allowed`,
      `最多 ${MAX_OPS} 个操作。`,
    )
  ops.forEach((op, i) => {
    const en = `operation ${i + 1} (${op.client})`
    const zh = `第 ${i + 1} 个操作`
    if (op.client.trim() === '') add(`${en}: client must not be empty`, `${zh}：客户端不能为空。`)
    if (!Number.isInteger(op.value))
      add(`${en}: value must be a whole number`, `${zh}：值必须是整数。`)
    if (!isTime(op.invoke))
      add(
        `${en}: invoke must be a whole number from 0 to ${MAX_TIME}`,
        `${zh}：调用时刻必须是 0 到 ${MAX_TIME} 的整数。`,
      )
    if (op.return === null) {
      if (op.kind === 'read')
        add(
          `${en}: a read must return (only a write may time out, return: null)`,
          `${zh}：读必须返回，只有写可以超时。`,
        )
    } else if (!isTime(op.return)) {
      add(
        `${en}: return must be a whole number from 0 to ${MAX_TIME}, or null`,
        `${zh}：返回时刻必须是 0 到 ${MAX_TIME} 的整数。`,
      )
    } else if (op.return <= op.invoke) {
      add(
        `${en}: return (${op.return}) must be later than invoke (${op.invoke})`,
        `${zh}：返回时刻（${op.return}）必须晚于调用时刻（${op.invoke}）。`,
      )
    }
  })
  ops.forEach((a, i) =>
    ops.forEach((b, j) => {
      if (i < j && a.client === b.client && !(before(a, b) || before(b, a)))
        add(
          `operations ${i + 1} and ${j + 1} overlap, but both are ${a.client}'s: a client waits for each call to return before its next (give one of them another client)`,
          `第 ${i + 1} 和第 ${j + 1} 个操作都属于 ${a.client}，时间却重叠了：一个客户端要等上一个调用返回才发出下一个（给其中一个换个客户端）。`,
        )
    }),
  )
  return problems
}

const before = (a: HistoryOp, b: HistoryOp) => a.return !== null && a.return < b.invoke

function isTime(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_TIME
}

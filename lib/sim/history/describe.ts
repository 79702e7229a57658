import type { HistoryOp } from './types.ts'

/** What an operation did: "写 1", "读到 1". */
export function opAction(op: HistoryOp): string {
  return op.kind === 'write' ? `写 ${op.value}` : `读到 ${op.value}`
}

/** An operation in words: "C1 写 1", "C2 读到 1". */
export function opLabel(op: HistoryOp): string {
  return `${op.client} ${opAction(op)}`
}

/** An operation with its interval: "C1 写 1（0–10）", "C1 写 1（0 起，超时）". */
export function opWithTimes(op: HistoryOp): string {
  return op.return === null
    ? `${opLabel(op)}（${op.invoke} 起，超时）`
    : `${opLabel(op)}（${op.invoke}–${op.return}）`
}

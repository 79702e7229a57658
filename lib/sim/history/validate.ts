import { type HistoryOp, MAX_OPS, MAX_TIME } from './types.ts'

/** What is wrong with a history, one message per problem (empty when it can be checked). */
export function historyProblems(ops: readonly HistoryOp[]): string[] {
  const problems: string[] = []
  if (ops.length === 0) problems.push('the history has no operations; give at least one')
  if (ops.length > MAX_OPS)
    problems.push(`the history has ${ops.length} operations; at most ${MAX_OPS} are allowed`)
  ops.forEach((op, i) => {
    const where = `operation ${i + 1} (${op.client})`
    if (!Number.isInteger(op.value)) problems.push(`${where}: value must be a whole number`)
    if (!isTime(op.invoke))
      problems.push(`${where}: invoke must be a whole number from 0 to ${MAX_TIME}`)
    if (op.return === null) {
      if (op.kind === 'read')
        problems.push(`${where}: a read must return (only a write may time out, return: null)`)
    } else if (!isTime(op.return)) {
      problems.push(`${where}: return must be a whole number from 0 to ${MAX_TIME}, or null`)
    } else if (op.return <= op.invoke) {
      problems.push(`${where}: return (${op.return}) must be later than invoke (${op.invoke})`)
    }
  })
  ops.forEach((a, i) =>
    ops.forEach((b, j) => {
      if (i < j && a.client === b.client && !(before(a, b) || before(b, a)))
        problems.push(
          `operations ${i + 1} and ${j + 1} overlap, but both are ${a.client}'s: a client waits for each call to return before its next (give one of them another client)`,
        )
    }),
  )
  return problems
}

const before = (a: HistoryOp, b: HistoryOp) => a.return !== null && a.return < b.invoke

function isTime(value: number): boolean {
  return Number.isInteger(value) && value >= 0 && value <= MAX_TIME
}

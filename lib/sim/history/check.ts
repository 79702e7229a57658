import { type CheckResult, type HistoryOp, INITIAL_VALUE, MAX_OPS } from './types.ts'

/** a must be linearized before b: a returned before b was invoked (real-time order). */
export function precedes(a: HistoryOp, b: HistoryOp): boolean {
  return a.return !== null && a.return < b.invoke
}

/** What the register holds after op, or null when op cannot take effect on `state`. */
function apply(op: HistoryOp, state: number): number | null {
  if (op.kind === 'write') return op.value
  return op.value === state ? state : null
}

/**
 * Decides whether a history of one register is linearizable (Herlihy & Wing), by the
 * Wing & Gong search: extend a partial linearization one operation at a time, choosing only
 * operations that no unlinearized operation must precede, and back up on a dead end. A
 * (linearized set, register value) pair already explored is never explored again (the
 * memoisation Lowe added; many orders reach the same pair). Timed-out writes may take effect
 * at any point after their call, or never.
 */
export function checkHistory(ops: readonly HistoryOp[]): CheckResult {
  if (ops.length > MAX_OPS) throw new Error(`a history may hold at most ${MAX_OPS} operations`)
  const complete = ops.reduce((mask, op, i) => (op.return === null ? mask : mask | (1 << i)), 0)
  const seen = new Set<string>()
  const order: number[] = []
  let deepest: { prefix: number[]; state: number } = { prefix: [], state: INITIAL_VALUE }

  const search = (linearized: number, state: number): boolean => {
    if ((linearized & complete) === complete) return true
    const key = `${linearized}:${state}`
    if (seen.has(key)) return false
    seen.add(key)
    for (let i = 0; i < ops.length; i++) {
      if (linearized & (1 << i)) continue
      const op = ops[i]!
      const blocked = ops.some(
        (other, j) => j !== i && !(linearized & (1 << j)) && precedes(other, op),
      )
      if (blocked) continue
      const next = apply(op, state)
      if (next === null) continue
      order.push(i)
      if (order.length > deepest.prefix.length) deepest = { prefix: [...order], state: next }
      if (search(linearized | (1 << i), next)) return true
      order.pop()
    }
    return false
  }

  if (search(0, INITIAL_VALUE)) return { linearizable: true, order }
  return explain(ops, deepest.prefix, deepest.state)
}

/** The dead end in words: the operation that had to come next, and why it could not. */
function explain(ops: readonly HistoryOp[], prefix: number[], state: number): CheckResult {
  const placed = new Set(prefix)
  let stuck = -1
  for (let i = 0; i < ops.length; i++) {
    const ret = ops[i]!.return
    if (placed.has(i) || ret === null) continue
    if (stuck < 0 || ret < ops[stuck]!.return!) stuck = i
  }
  // Every operation left that could go first is a read of another value (a write always fits),
  // so the one that returns first is such a read: it, or a read before it, is stuck.
  const op = ops[stuck]!
  return {
    linearizable: false,
    prefix,
    state,
    stuck,
    reason: `读到 ${op.value}，但此时寄存器只能是 ${state}`,
  }
}

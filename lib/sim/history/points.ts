import type { HistoryOp } from './types.ts'

/**
 * Linearization points for a valid linearization: one instant inside each operation's
 * interval, increasing along `order`, for drawing. Each point sits midway between the earliest
 * instant it may take (its call, or just after the previous point) and the latest (before its
 * own return and every later operation's return). Timed-out writes get a point one unit
 * after the earliest instant when nothing later bounds them.
 */
export function linearizationPoints(
  ops: readonly HistoryOp[],
  order: readonly number[],
): Map<number, number> {
  const latest: number[] = new Array<number>(order.length)
  let bound = Infinity
  for (let k = order.length - 1; k >= 0; k--) {
    bound = Math.min(bound, ops[order[k]!]!.return ?? Infinity)
    latest[k] = bound
  }
  const points = new Map<number, number>()
  let previous = -Infinity
  order.forEach((index, k) => {
    const earliest = Math.max(ops[index]!.invoke, previous)
    const upper = latest[k]!
    const point = upper === Infinity ? earliest + 1 : (earliest + upper) / 2
    points.set(index, point)
    previous = point
  })
  return points
}

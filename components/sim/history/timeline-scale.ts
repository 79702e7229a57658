import type { HistoryOp } from '@/lib/sim/history/types'

/** The timeline's drawing units: the SVG is this wide and scales to its box. */
export const WIDTH = 480
export const LEFT = 44
const RIGHT = 14
export const ROW = 46
export const TOP = 6
export const AXIS = 26

const STEPS = [1, 2, 5, 10, 20, 50, 100, 200]

/** The time axis of a history: its span (a round number past the last instant) and tick step. */
export function timeScale(ops: readonly HistoryOp[]) {
  const last = Math.max(10, ...ops.map((op) => op.return ?? op.invoke + 10))
  const step = STEPS.find((s) => last / s <= 6) ?? 200
  const span = Math.ceil((last + 1) / step) * step
  const x = (time: number) => LEFT + (Math.min(time, span) / span) * (WIDTH - LEFT - RIGHT)
  const time = (px: number) => ((px - LEFT) / (WIDTH - LEFT - RIGHT)) * span
  const ticks = Array.from({ length: span / step + 1 }, (_, k) => k * step)
  return { span, x, time, ticks }
}

/** The clients in the order they first appear: one timeline row each. */
export function clientsOf(ops: readonly HistoryOp[]): string[] {
  return [...new Set(ops.map((op) => op.client))]
}

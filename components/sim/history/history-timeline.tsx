import type { PointerEvent } from 'react'
import { opAction, opWithTimes } from '@/lib/sim/history/describe'
import type { HistoryOp } from '@/lib/sim/history/types'
import { AXIS, LEFT, ROW, TOP, WIDTH, clientsOf, timeScale } from './timeline-scale'

export type OpEnd = 'invoke' | 'return'

interface HistoryTimelineProps {
  ops: readonly HistoryOp[]
  /** Linearization points by operation index, numbered in `order`. */
  points?: ReadonlyMap<number, number>
  order?: readonly number[]
  /** The operation that could not be placed. */
  stuck?: number
  /** Live only: the reader drags an end of a bar to a new time. */
  onTime?: (index: number, end: OpEnd, time: number) => void
}

/**
 * The history as a timeline: one row per client, a bar from each call to its return (a timed-out
 * write runs off the right edge), and, once checked, each linearization point as a numbered dot.
 */
export function HistoryTimeline({ ops, points, order, stuck, onTime }: HistoryTimelineProps) {
  // An operation whose time the reader is still typing (not a number yet) is left out until it is one.
  const drawn = ops.flatMap((op, index) => (drawable(op) ? [{ op, index }] : []))
  const scale = timeScale(drawn.map(({ op }) => op))
  const clients = clientsOf(ops)
  const height = TOP + clients.length * ROW + AXIS
  const axisY = height - AXIS + 4

  const drag = (index: number, end: OpEnd) => ({
    onPointerDown: (event: PointerEvent<SVGRectElement>) =>
      event.currentTarget.setPointerCapture(event.pointerId),
    onPointerMove: (event: PointerEvent<SVGRectElement>) => {
      const handle = event.currentTarget
      const matrix = handle.ownerSVGElement?.getScreenCTM()
      if (!handle.hasPointerCapture(event.pointerId) || !matrix) return
      const at = new DOMPoint(event.clientX, event.clientY).matrixTransform(matrix.inverse())
      onTime?.(index, end, Math.max(0, Math.round(scale.time(at.x))))
    },
  })

  return (
    <svg
      className="history-timeline"
      viewBox={`0 0 ${WIDTH} ${height}`}
      role="img"
      aria-label={`时间线：${ops.map(opWithTimes).join('；')}`}
    >
      {scale.ticks.map((tick) => (
        <g key={tick} className="history-tick">
          <line x1={scale.x(tick)} x2={scale.x(tick)} y1={TOP} y2={axisY} />
          <text x={scale.x(tick)} y={axisY + 14} textAnchor="middle">
            {tick}
          </text>
        </g>
      ))}
      {clients.map((client, row) => (
        <text key={client} className="history-client" x={4} y={TOP + row * ROW + 34}>
          {client}
        </text>
      ))}
      {drawn.map(({ op, index }) => {
        const y = TOP + clients.indexOf(op.client) * ROW + 24
        const x1 = scale.x(op.invoke)
        const x2 = op.return === null ? WIDTH - 4 : scale.x(op.return)
        const point = points?.get(index)
        const rank = order?.indexOf(index) ?? -1
        return (
          <g
            key={index}
            className="history-op"
            data-kind={op.kind}
            data-timed-out={op.return === null || undefined}
            data-stuck={stuck === index || undefined}
          >
            <text x={x1} y={y - 6}>
              {opAction(op)}
              {stuck === index ? ' ✗' : ''}
            </text>
            <rect
              className="history-bar"
              x={x1}
              y={y}
              width={Math.max(2, x2 - x1)}
              height={14}
              rx={3}
            />
            {onTime && (
              <>
                <rect
                  className="history-handle"
                  x={x1 - 6}
                  y={y - 4}
                  width={12}
                  height={22}
                  {...drag(index, 'invoke')}
                />
                {op.return !== null && (
                  <rect
                    className="history-handle"
                    x={x2 - 6}
                    y={y - 4}
                    width={12}
                    height={22}
                    {...drag(index, 'return')}
                  />
                )}
              </>
            )}
            {point !== undefined && (
              <g className="history-point">
                <circle cx={scale.x(point)} cy={y + 7} r={8} />
                <text x={scale.x(point)} y={y + 11} textAnchor="middle">
                  {rank + 1}
                </text>
              </g>
            )}
          </g>
        )
      })}
      <line className="history-axis" x1={LEFT} x2={WIDTH - 4} y1={axisY} y2={axisY} />
      <text className="history-unit" x={4} y={axisY + 14}>
        时间
      </text>
    </svg>
  )
}

const drawable = (op: HistoryOp) =>
  Number.isFinite(op.invoke) && (op.return === null || Number.isFinite(op.return))

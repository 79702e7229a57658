'use client'

import { useEffect, useMemo, useRef, useState } from 'react'
import type { HistoryCheckerProps } from '@/lib/mdx/component-props'
import { checkHistory } from '@/lib/sim/history/check'
import { resolveHistory } from '@/lib/sim/history/setup'
import type { CheckResult, HistoryOp } from '@/lib/sim/history/types'
import { historyProblems } from '@/lib/sim/history/validate'
import type { LiveSimProps } from '../sim-loader'
import type { OpEnd } from './history-timeline'
import { HistoryView } from './history-view'

/** The live checker, loaded by SimLoader when its figure nears the viewport or 检查 is pressed. */
export default function HistoryLive({
  autoPlay,
  autoFocus,
  ...props
}: HistoryCheckerProps & LiveSimProps) {
  // The props are plain values from MDX and never change on a page.
  // eslint-disable-next-line react-hooks/exhaustive-deps
  const start = useMemo(() => resolveHistory(props), [])
  const [ops, setOps] = useState<HistoryOp[]>(start.ops)
  const problems = useMemo(() => historyProblems(ops).map((problem) => problem.zh), [ops])
  const [result, setResult] = useState<CheckResult | null>(() =>
    autoPlay && problems.length === 0 ? checkHistory(ops) : null,
  )
  const checkRef = useRef<HTMLButtonElement>(null)
  useEffect(() => {
    if (autoFocus) checkRef.current?.focus()
  }, [autoFocus])

  /** Any edit makes the last verdict stale: it is cleared until the reader checks again. */
  const edit = (next: HistoryOp[]) => {
    setOps(next)
    setResult(null)
  }
  const on = {
    check: () => setResult(problems.length === 0 ? checkHistory(ops) : null),
    add: () => edit([...ops, nextOp(ops)]),
    reset: () => edit(start.ops),
    change: (index: number, op: HistoryOp | null) =>
      edit(op ? ops.map((old, i) => (i === index ? op : old)) : ops.filter((_, i) => i !== index)),
    time: (index: number, end: OpEnd, time: number) => {
      const op = ops[index]!
      if (op[end] !== time) on.change(index, { ...op, [end]: time })
    },
  }
  return (
    <HistoryView
      title={start.title}
      ops={ops}
      result={result}
      problems={problems}
      on={on}
      checkRef={checkRef}
    />
  )
}

/** A new read by a new client, after everything else: the reader then edits it. */
function nextOp(ops: readonly HistoryOp[]): HistoryOp {
  const last = Math.max(0, ...ops.map((op) => op.return ?? op.invoke))
  const used = new Set(ops.map((op) => op.client))
  let n = 1
  while (used.has(`C${n}`)) n++
  return { client: `C${n}`, kind: 'read', value: 0, invoke: last + 5, return: last + 15 }
}

import type { FormEvent, Ref } from 'react'
import { linearizationPoints } from '@/lib/sim/history/points'
import { type CheckResult, type HistoryOp, MAX_OPS } from '@/lib/sim/history/types'
import { HistoryEditor } from './history-editor'
import { type OpEnd, HistoryTimeline } from './history-timeline'
import { HistoryVerdict } from './history-verdict'

interface HistoryViewProps {
  title: string
  ops: readonly HistoryOp[]
  result: CheckResult | null
  problems: readonly string[]
  /**
   * Handlers of the live checker. Without them (the static picture, drawn at build time) every
   * control but 检查 is disabled, and 检查 is heard by the SimLoader, which loads the code.
   */
  on?: {
    check(): void
    add(): void
    reset(): void
    change(index: number, op: HistoryOp | null): void
    time(index: number, end: OpEnd, time: number): void
  }
  checkRef?: Ref<HTMLButtonElement>
}

/** The checker's box, the same at build time and live: timeline, operations, buttons, verdict. */
export function HistoryView({ title, ops, result, problems, on, checkRef }: HistoryViewProps) {
  const drawn = result && (result.linearizable ? result.order : result.prefix)
  const submit = (event: FormEvent) => {
    event.preventDefault()
    on?.check()
  }
  return (
    <form className="sim-box history-box" aria-label={title} onSubmit={on ? submit : undefined}>
      <div className="sim-stage">
        <HistoryTimeline
          ops={ops}
          order={drawn ?? undefined}
          points={drawn ? linearizationPoints(ops, drawn) : undefined}
          stuck={result && !result.linearizable ? result.stuck : undefined}
          onTime={on?.time}
        />
      </div>
      <HistoryEditor ops={ops} onChange={on?.change} />
      <div className="history-actions">
        <button
          type={on ? 'submit' : 'button'}
          className="sim-button sim-play"
          data-sim-play
          ref={checkRef}
        >
          检查
        </button>
        <button
          type="button"
          className="sim-button"
          disabled={!on || ops.length >= MAX_OPS}
          onClick={on?.add}
        >
          添加操作
        </button>
        <button type="button" className="sim-button" disabled={!on} onClick={on?.reset}>
          恢复原样
        </button>
      </div>
      <HistoryVerdict ops={ops} result={result} problems={problems} />
    </form>
  )
}

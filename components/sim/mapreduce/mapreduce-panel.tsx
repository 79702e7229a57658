import type { MapReduceSimulation } from '@/lib/sim/mapreduce/mapreduce'
import { type MapReduceAction, workerName } from '@/lib/sim/mapreduce/types'

/**
 * The reader's faults, per worker: crash or restart it, make it a straggler or normal again.
 * Without `act` (the static picture, drawn by a server component) every button is disabled.
 */
export function MapReducePanel({
  sim,
  act,
}: {
  sim: MapReduceSimulation
  act?: (action: MapReduceAction) => void
}) {
  const disabled = !act
  return (
    <div className="sim-panel mr-panel" role="group" aria-label="各 worker 的操作">
      {sim.workers.map((worker) => {
        const name = workerName(worker.id)
        return (
          <div key={worker.id} role="group" aria-label={name}>
            <button
              type="button"
              className="sim-button"
              disabled={disabled}
              onClick={
                act && (() => act({ type: worker.up ? 'crash' : 'restart', worker: worker.id }))
              }
            >
              {worker.up ? `崩溃 ${name}` : `重启 ${name}`}
            </button>
            <button
              type="button"
              className="sim-button"
              disabled={disabled || !worker.up}
              aria-pressed={worker.slow}
              onClick={act && (() => act({ type: 'slow', worker: worker.id }))}
              title="让这个 worker 干活慢几倍（再按一次恢复）"
            >
              {`拖慢 ${name}`}
            </button>
          </div>
        )
      })}
    </div>
  )
}

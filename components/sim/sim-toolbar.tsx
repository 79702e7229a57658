import type { Ref } from 'react'
import { formatSimTime } from '@/lib/sim/simulation'

export const SPEEDS = [0.5, 1, 2, 4] as const
export type Speed = (typeof SPEEDS)[number]

interface SimToolbarProps {
  /** Simulated time shown at the end of the bar. */
  time: number
  playing: boolean
  speed: Speed
  /** The seed of this run: the same seed (and the same actions) gives the same run. */
  seed: number
  /**
   * Handlers of the live simulation. Without them (the static picture) every control but play
   * is disabled, and play is heard by the SimLoader around it, which loads the code.
   */
  on?: {
    play(): void
    step(): void
    speed(speed: Speed): void
    reset(): void
    replay(): void
    seed(seed: number): void
  }
  playRef?: Ref<HTMLButtonElement>
}

/** Play/pause, one step, speed, reset and replay, and the simulated clock. */
export function SimToolbar({ time, playing, speed, seed, on, playRef }: SimToolbarProps) {
  const disabled = !on
  return (
    <div className="sim-toolbar" role="group" aria-label="播放控制">
      <button
        type="button"
        className="sim-button sim-play"
        data-sim-play
        ref={playRef}
        onClick={on?.play}
      >
        <span aria-hidden="true" className="sim-icon">
          {playing ? '❚❚' : '▶'}
        </span>
        {playing ? '暂停' : '播放'}
      </button>
      <button
        type="button"
        className="sim-button"
        disabled={disabled}
        onClick={on?.step}
        title="处理下一个事件（右方向键）"
      >
        单步
      </button>
      <div className="sim-speeds" role="group" aria-label="速度">
        {SPEEDS.map((choice) => (
          <button
            key={choice}
            type="button"
            className="sim-button sim-speed"
            aria-pressed={choice === speed}
            disabled={disabled}
            onClick={on && (() => on.speed(choice))}
          >
            {`${choice}×`}
          </button>
        ))}
      </div>
      <button type="button" className="sim-button" disabled={disabled} onClick={on?.reset}>
        重置
      </button>
      <button
        type="button"
        className="sim-button"
        disabled={disabled}
        onClick={on?.replay}
        title="回到开始，按同样的种子和你做过的操作重放"
      >
        重放
      </button>
      <label className="sim-seed" title="同一个种子、同样的操作，得到同一次运行">
        种子
        <input
          type="number"
          inputMode="numeric"
          min={0}
          step={1}
          disabled={disabled}
          defaultValue={seed}
          onChange={
            on &&
            ((event) => {
              const value = event.currentTarget.valueAsNumber
              if (Number.isSafeInteger(value) && value >= 0) on.seed(value)
            })
          }
        />
      </label>
      <span className="sim-clock">{`时间 ${formatSimTime(time)}`}</span>
    </div>
  )
}

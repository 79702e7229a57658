import { type ReactNode, useEffect, useRef } from 'react'
import type { TimedSimulation } from '@/lib/sim/simulation'
import { SimLayout } from './sim-layout'
import { SimLog } from './sim-log'
import { SimToolbar } from './sim-toolbar'
import { type SimPlayer, useScrollToEnd } from './use-sim-player'

interface LiveSimProps<A, S extends TimedSimulation<A>> {
  player: SimPlayer<A, S>
  label: string
  /** Focus was on the static picture when the code arrived: take it to the play button. */
  autoFocus: boolean
  stage: ReactNode
  panel?: ReactNode
}

/**
 * The live box every simulation draws (browser only): the shared toolbar wired to the player,
 * the picture that takes space and →, and the event log kept scrolled to its end.
 */
export function LiveSim<A, S extends TimedSimulation<A>>({
  player,
  label,
  autoFocus,
  stage,
  panel,
}: LiveSimProps<A, S>) {
  const { sim } = player
  const playRef = useRef<HTMLButtonElement>(null)
  const logRef = useRef<HTMLOListElement>(null)
  useScrollToEnd(logRef, sim.log.length)
  useEffect(() => {
    if (autoFocus) playRef.current?.focus()
  }, [autoFocus])

  return (
    <SimLayout
      label={label}
      focusable
      motion={player.reducedMotion ? 'steps' : 'smooth'}
      onKeyDown={player.onKeyDown}
      toolbar={
        <SimToolbar
          time={sim.now}
          playing={player.playing}
          speed={player.speed}
          seed={player.seed}
          playRef={playRef}
          on={{
            play: player.togglePlay,
            step: player.step,
            speed: player.setSpeed,
            reset: player.reset,
            replay: player.replay,
            seed: player.setSeed,
          }}
        />
      }
      stage={stage}
      log={<SimLog entries={sim.log} announcement={player.announcement} listRef={logRef} />}
      panel={panel}
    />
  )
}

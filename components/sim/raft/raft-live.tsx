'use client'

import { useCallback, useEffect, useMemo, useRef } from 'react'
import type { RaftSimProps } from '@/lib/mdx/component-props'
import type { RecordedAction } from '@/lib/sim/simulation'
import { createRaftRun, resolveRaftScenario } from '@/lib/sim/raft/setup'
import type { RaftAction } from '@/lib/sim/raft/types'
import type { LiveSimProps } from '../sim-loader'
import { SimLayout } from '../sim-layout'
import { SimLog } from '../sim-log'
import { SimToolbar } from '../sim-toolbar'
import { useScrollToEnd, useSimPlayer } from '../use-sim-player'
import { RaftLogs } from './raft-logs'
import { RaftPanel } from './raft-panel'
import { RaftPicture } from './raft-picture'

/** Simulated milliseconds per real second at 1×: an election timeout takes 1.5–3 s to run out. */
const SIM_MS_PER_SECOND = 100

/** The live Raft simulation, loaded by SimLoader when its figure nears the viewport. */
export default function RaftLive({ autoPlay, autoFocus, ...props }: RaftSimProps & LiveSimProps) {
  const scenario = useMemo(
    () => resolveRaftScenario(props),
    // The props are plain values from MDX; compare them, not the object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.scenario, props.servers, props.seed],
  )
  const create = useCallback(
    (seed: number, replay: readonly RecordedAction<RaftAction>[]) =>
      createRaftRun(scenario, seed, replay),
    [scenario],
  )
  const player = useSimPlayer({
    create,
    seed: scenario.seed,
    simMsPerSecond: SIM_MS_PER_SECOND,
    autoPlay,
  })
  const { sim } = player
  const playRef = useRef<HTMLButtonElement>(null)
  const logRef = useRef<HTMLOListElement>(null)
  useScrollToEnd(logRef, sim.log.length)
  useEffect(() => {
    if (autoFocus) playRef.current?.focus()
  }, [autoFocus])

  return (
    <SimLayout
      label={scenario.title}
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
      stage={
        <>
          <RaftPicture sim={sim} onDrop={(message) => player.act({ type: 'drop', message })} />
          <RaftLogs sim={sim} />
        </>
      }
      log={<SimLog entries={sim.log} announcement={player.announcement} listRef={logRef} />}
      panel={<RaftPanel sim={sim} act={player.act} />}
    />
  )
}

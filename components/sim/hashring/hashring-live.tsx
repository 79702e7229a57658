'use client'

import { useCallback, useMemo } from 'react'
import type { HashRingProps } from '@/lib/mdx/component-props'
import type { HashRingAction } from '@/lib/sim/hashring/hashring'
import { createHashRingRun, resolveHashRingScenario } from '@/lib/sim/hashring/setup'
import type { RecordedAction } from '@/lib/sim/simulation'
import { LiveSim } from '../live-sim'
import type { LiveSimProps } from '../sim-loader'
import { useSimPlayer } from '../use-sim-player'
import { HashRingLoads } from './hashring-loads'
import { HashRingPanel } from './hashring-panel'
import { HashRingPicture } from './hashring-picture'

/** Simulated milliseconds per real second at 1×: a scripted change each second. */
const SIM_MS_PER_SECOND = 1000

/** The live hash ring, loaded by SimLoader when its figure nears the viewport. */
export default function HashRingLive({
  autoPlay,
  autoFocus,
  ...props
}: HashRingProps & LiveSimProps) {
  const scenario = useMemo(
    () => resolveHashRingScenario(props),
    // The props are plain values from MDX; compare them, not the object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.scenario, props.nodes, props.vnodes, props.keys, props.seed],
  )
  const create = useCallback(
    (seed: number, replay: readonly RecordedAction<HashRingAction>[]) =>
      createHashRingRun(scenario, seed, replay),
    [scenario],
  )
  const player = useSimPlayer({
    create,
    seed: scenario.seed,
    simMsPerSecond: SIM_MS_PER_SECOND,
    autoPlay,
  })
  return (
    <LiveSim
      player={player}
      label={scenario.title}
      autoFocus={autoFocus}
      stage={
        <>
          <HashRingPicture sim={player.sim} />
          <HashRingLoads sim={player.sim} />
        </>
      }
      panel={<HashRingPanel sim={player.sim} act={player.act} />}
    />
  )
}

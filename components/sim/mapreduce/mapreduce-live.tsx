'use client'

import { useCallback, useMemo } from 'react'
import type { MapReduceSimProps } from '@/lib/mdx/component-props'
import { createMapReduceRun, resolveMapReduceScenario } from '@/lib/sim/mapreduce/setup'
import type { MapReduceAction } from '@/lib/sim/mapreduce/types'
import type { RecordedAction } from '@/lib/sim/simulation'
import { LiveSim } from '../live-sim'
import type { LiveSimProps } from '../sim-loader'
import { useSimPlayer } from '../use-sim-player'
import { MapReducePanel } from './mapreduce-panel'
import { MapReducePicture } from './mapreduce-picture'

/** Simulated milliseconds per real second at 1×: a task of about 1 s takes 2 s to watch. */
const SIM_MS_PER_SECOND = 500

/** The live MapReduce simulation, loaded by SimLoader when its figure nears the viewport. */
export default function MapReduceLive({
  autoPlay,
  autoFocus,
  ...props
}: MapReduceSimProps & LiveSimProps) {
  const scenario = useMemo(
    () => resolveMapReduceScenario(props),
    // The props are plain values from MDX; compare them, not the object.
    // eslint-disable-next-line react-hooks/exhaustive-deps
    [props.scenario, props.workers, props.maps, props.reduces, props.backups, props.seed],
  )
  const create = useCallback(
    (seed: number, replay: readonly RecordedAction<MapReduceAction>[]) =>
      createMapReduceRun(scenario, seed, replay),
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
      stage={<MapReducePicture sim={player.sim} />}
      panel={<MapReducePanel sim={player.sim} act={player.act} />}
    />
  )
}

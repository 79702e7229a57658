import type { MapReduceSimProps } from '@/lib/mdx/component-props'
import { createMapReduceRun, resolveMapReduceScenario } from '@/lib/sim/mapreduce/setup'
import { MapReducePanel } from '../sim/mapreduce/mapreduce-panel'
import { MapReducePicture } from '../sim/mapreduce/mapreduce-picture'
import { StaticSim } from '../sim/static-sim'

/**
 * `<MapReduceSim scenario="worker-crash" />`: a coordinator and workers running a MapReduce
 * job that the reader can play, step, break and replay. Drawn here, at build time, in its
 * start state; the live code loads only when the figure nears the viewport or on play.
 */
export function MapReduceSim(props: MapReduceSimProps) {
  const scenario = resolveMapReduceScenario(props)
  const sim = createMapReduceRun(scenario, scenario.seed)
  return (
    <StaticSim
      kind="mapreduce"
      props={props}
      title={scenario.title}
      caption={scenario.caption}
      seed={scenario.seed}
      stage={<MapReducePicture sim={sim} />}
      panel={<MapReducePanel sim={sim} />}
    />
  )
}

import type { HashRingProps } from '@/lib/mdx/component-props'
import { createHashRingRun, resolveHashRingScenario } from '@/lib/sim/hashring/setup'
import { HashRingLoads } from '../sim/hashring/hashring-loads'
import { HashRingPanel } from '../sim/hashring/hashring-panel'
import { HashRingPicture } from '../sim/hashring/hashring-picture'
import { StaticSim } from '../sim/static-sim'

/**
 * `<HashRing scenario="add-node" vnodes={8} />`: consistent hashing with virtual nodes; the
 * reader adds and removes nodes and sees which keys move and the load per node. Drawn here,
 * at build time, in its start state; the live code loads only near the figure or on play.
 */
export function HashRing(props: HashRingProps) {
  const scenario = resolveHashRingScenario(props)
  const sim = createHashRingRun(scenario, scenario.seed)
  return (
    <StaticSim
      kind="hashring"
      props={props}
      title={scenario.title}
      caption={scenario.caption}
      seed={scenario.seed}
      stage={
        <>
          <HashRingPicture sim={sim} />
          <HashRingLoads sim={sim} />
        </>
      }
      panel={<HashRingPanel sim={sim} />}
    />
  )
}

import type { RaftSimProps } from '@/lib/mdx/component-props'
import { createRaftRun, resolveRaftScenario } from '@/lib/sim/raft/setup'
import { StaticSim } from '../sim/static-sim'
import { RaftLogs } from '../sim/raft/raft-logs'
import { RaftPanel } from '../sim/raft/raft-panel'
import { RaftPicture } from '../sim/raft/raft-picture'

/**
 * `<RaftSim scenario="leader-crash" />`: a Raft cluster the reader can play, step, break and
 * replay. Drawn here, at build time, in its start state; the live simulation's code loads
 * only when the figure nears the viewport or the reader presses play.
 */
export function RaftSim(props: RaftSimProps) {
  const scenario = resolveRaftScenario(props)
  const sim = createRaftRun(scenario, scenario.seed)
  return (
    <StaticSim
      kind="raft"
      props={props}
      title={scenario.title}
      caption={scenario.caption}
      seed={scenario.seed}
      stage={
        <>
          <RaftPicture sim={sim} />
          <RaftLogs sim={sim} />
        </>
      }
      panel={<RaftPanel sim={sim} />}
    />
  )
}

import type { RaftSimProps } from '@/lib/mdx/component-props'
import { createRaftRun, resolveRaftScenario } from '@/lib/sim/raft/setup'
import { SimFrame } from '../sim/sim-frame'
import { SimLayout } from '../sim/sim-layout'
import { SimLog } from '../sim/sim-log'
import { SimToolbar } from '../sim/sim-toolbar'
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
    <SimFrame kind="raft" props={props} title={scenario.title} caption={scenario.caption}>
      <SimLayout
        label={scenario.title}
        toolbar={<SimToolbar time={0} playing={false} speed={1} seed={scenario.seed} />}
        stage={
          <>
            <RaftPicture sim={sim} />
            <RaftLogs sim={sim} />
          </>
        }
        log={<SimLog entries={[]} />}
        panel={<RaftPanel sim={sim} />}
      />
    </SimFrame>
  )
}

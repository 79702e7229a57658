import type { RecordedAction } from '../simulation'
import { RaftSimulation } from './raft'
import type { RaftSimProps } from '../../mdx/component-props'
import { raftScenarios, type RaftScenario } from './scenarios'
import type { RaftAction } from './types'

/** The scenario an author's props select (`<RaftSim scenario=… servers=… seed=… />`). */
export function resolveRaftScenario(props: RaftSimProps): RaftScenario {
  const base: RaftScenario = raftScenarios[props.scenario ?? 'basic']
  return {
    ...base,
    servers: props.servers ?? base.servers,
    seed: props.seed ?? base.seed,
  }
}

/** The core at the scenario's start, from a seed, replaying a reader's actions if given. */
export function createRaftRun(
  scenario: RaftScenario,
  seed: number,
  replay: readonly RecordedAction<RaftAction>[] = [],
): RaftSimulation {
  return new RaftSimulation({
    servers: scenario.servers,
    seed,
    firstTimeouts: scenario.firstTimeouts,
    script: scenario.script,
    replay,
  })
}

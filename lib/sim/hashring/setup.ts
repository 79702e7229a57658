import type { HashRingProps } from '../../mdx/component-props'
import type { RecordedAction } from '../simulation'
import { type HashRingAction, HashRingSimulation } from './hashring'
import { type HashRingScenario, hashRingScenarios } from './scenarios'

/** The ring an author's props select (`<HashRing scenario=… nodes=… vnodes=… />`). */
export function resolveHashRingScenario(props: HashRingProps): HashRingScenario {
  const base: HashRingScenario = hashRingScenarios[props.scenario ?? 'add-node']
  return {
    ...base,
    nodes: props.nodes ?? base.nodes,
    vnodes: props.vnodes ?? base.vnodes,
    keys: props.keys ?? base.keys,
    seed: props.seed ?? base.seed,
  }
}

/** The ring at the scenario's start, from a seed, replaying a reader's changes if given. */
export function createHashRingRun(
  scenario: HashRingScenario,
  seed: number,
  replay: readonly RecordedAction<HashRingAction>[] = [],
): HashRingSimulation {
  return new HashRingSimulation({ ...scenario, seed, replay })
}

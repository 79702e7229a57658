import type { MapReduceSimProps } from '../../mdx/component-props'
import type { RecordedAction } from '../simulation'
import { MapReduceSimulation } from './mapreduce'
import { type MapReduceScenario, mapReduceScenarios } from './scenarios'
import { DEFAULT_TIMING, type MapReduceAction } from './types'

/** The run an author's props select (`<MapReduceSim scenario=… workers=… seed=… />`). */
export function resolveMapReduceScenario(props: MapReduceSimProps): MapReduceScenario {
  const base: MapReduceScenario = mapReduceScenarios[props.scenario ?? 'normal']
  const backups = props.backups ?? base.backups
  return {
    ...base,
    ...(backups === base.backups
      ? {}
      : {
          title: `${base.title}（不启用备份任务）`,
          caption: `${base.caption}（这一份关掉了备份任务：只有 ${DEFAULT_TIMING.timeout / 1000} 秒的超时会把任务重新发出。）`,
        }),
    backups,
    workers: props.workers ?? base.workers,
    maps: props.maps ?? base.maps,
    reduces: props.reduces ?? base.reduces,
    seed: props.seed ?? base.seed,
  }
}

/** The core at the scenario's start, from a seed, replaying a reader's actions if given. */
export function createMapReduceRun(
  scenario: MapReduceScenario,
  seed: number,
  replay: readonly RecordedAction<MapReduceAction>[] = [],
): MapReduceSimulation {
  return new MapReduceSimulation({
    workers: scenario.workers,
    maps: scenario.maps,
    reduces: scenario.reduces,
    backups: scenario.backups,
    seed,
    script: scenario.script,
    replay,
  })
}

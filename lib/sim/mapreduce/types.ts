/** The state of the MapReduce core: a coordinator, its workers and their tasks (lecture 1). */

export const MIN_WORKERS = 2
export const MAX_WORKERS = 6
export const MAX_MAPS = 12
export const MAX_REDUCES = 6

export type TaskKind = 'map' | 'reduce'
export type TaskState = 'idle' | 'in-progress' | 'done'
/** Which tasks the coordinator hands out now: reduces only once every map output exists. */
export type Phase = 'map' | 'reduce' | 'done'

/** One execution of a task on one worker. Several may run for one task (re-issue, backup). */
export interface Attempt {
  id: number
  task: Task
  worker: number
  /** The worker's incarnation when it started (a restarted worker is a new incarnation). */
  incarnation: number
  backup: boolean
  start: number
  /** Work the task needs, in ms at normal speed, and how much was done by `since`. */
  work: number
  progress: number
  since: number
  /** How many times slower than normal the worker runs it now (1, or the straggler factor). */
  factor: number
  /** When it will finish at the current speed. */
  end: number
  /** Bumped when the speed changes: a finish event of an older generation is stale. */
  token: number
  /** False once its worker crashed: it will never report. */
  running: boolean
  /** False once the coordinator stopped waiting for it (timeout, its worker declared dead). */
  counted: boolean
}

export interface Task {
  kind: TaskKind
  /** 0-based; shown as map 1, reduce 1, … */
  index: number
  state: TaskState
  /** Where a done map task's output lives: the worker's local disk, in that incarnation. */
  output: { worker: number; incarnation: number } | null
  /** Who finished it (the first completion, which won). */
  doneBy: number | null
  /** Times its output was committed; a reduce's is committed once, a map's once per loss + 1. */
  commits: number
  /** Times a committed map output was lost with its worker's disk. */
  losses: number
}

export interface Worker {
  /** 0-based; shown as W1, W2, … */
  id: number
  up: boolean
  slow: boolean
  incarnation: number
  /** The attempt it is running, if any. */
  attempt: Attempt | null
  /** The coordinator has declared this incarnation dead (it learns of a restart when asked). */
  declaredDead: boolean
  /** The job is done and the worker has exited. */
  exited: boolean
}

export type MapReduceAction =
  | { type: 'crash'; worker: number }
  | { type: 'restart'; worker: number }
  /** Make the worker a straggler, or normal again. */
  | { type: 'slow'; worker: number }

export interface MapReduceTiming {
  mapMin: number
  mapMax: number
  reduceMin: number
  reduceMax: number
  /** How many times slower a straggler runs. */
  slowFactor: number
  /** The coordinator re-issues a task not reported this long after it was handed out. */
  timeout: number
  /** How often the coordinator pings its workers. */
  ping: number
  /** How soon a worker with nothing to do asks again. */
  poll: number
  /** Near the end of a phase, a task running at least this long gets a backup attempt. */
  backupAfter: number
}

/** The lab and the paper use seconds (Lab 1: a 10 s timeout); here a task takes about 1 s. */
export const DEFAULT_TIMING: MapReduceTiming = {
  mapMin: 800,
  mapMax: 1200,
  reduceMin: 600,
  reduceMax: 1000,
  slowFactor: 6,
  timeout: 5000,
  ping: 1000,
  poll: 250,
  backupAfter: 1500,
}

/** Hooks the property tests use to watch a run. */
export interface MapReduceObserver {
  commit?(task: Task, worker: number, time: number): void
  /** A reduce attempt starts: it reads every map output now. */
  reduceStart?(task: Task, maps: readonly Task[], time: number): void
}

export const workerName = (id: number) => `W${id + 1}`
export const taskName = (task: Pick<Task, 'kind' | 'index'>) => `${task.kind} ${task.index + 1}`

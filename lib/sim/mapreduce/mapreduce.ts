import { EventLoop, EXTERNAL_ACTION } from '../event-loop'
import { createRandom, type Random } from '../random'
import {
  checkCount,
  type RecordedAction,
  type SimLogEntry,
  type TimedAction,
  type TimedSimulation,
} from '../simulation'
import {
  type Attempt,
  DEFAULT_TIMING,
  MAX_MAPS,
  MAX_REDUCES,
  MAX_WORKERS,
  MIN_WORKERS,
  type MapReduceAction,
  type MapReduceObserver,
  type MapReduceTiming,
  type Phase,
  type Task,
  type Worker,
  taskName,
  workerName as name,
} from './types'

/**
 * A MapReduce job as in the paper (Dean and Ghemawat, OSDI 2004, §3) and Lab 1: a coordinator
 * hands M map and R reduce tasks to workers that ask for work; reduces start only after every
 * map is done; a task not reported within the timeout is handed out again; a dead worker's
 * completed map tasks are run again, since their output was on its local disk; near the end of
 * a phase a long-running task gets a backup attempt; the first completion of a task wins and
 * later ones are ignored. A pure, deterministic core for MapReduceSim and its property tests.
 */

export interface MapReduceOptions {
  workers: number
  maps: number
  reduces: number
  seed: number
  timing?: Partial<MapReduceTiming>
  /** Give long-running tasks near the end of a phase a backup attempt (the paper's §3.6). */
  backups?: boolean
  /** An author's script of faults. */
  script?: readonly TimedAction<MapReduceAction>[]
  /** The reader's actions of an earlier run, to replay it. */
  replay?: readonly RecordedAction<MapReduceAction>[]
  observer?: MapReduceObserver
}

type MapReduceEvent =
  | { kind: 'ask'; worker: number; incarnation: number }
  | { kind: 'finish'; attempt: Attempt; token: number }
  | { kind: 'timeout'; attempt: Attempt }
  | { kind: 'ping' }
  | { kind: 'action'; action: MapReduceAction }

export class MapReduceSimulation implements TimedSimulation<MapReduceAction> {
  readonly workers: Worker[]
  readonly maps: Task[]
  readonly reduces: Task[]
  readonly log: SimLogEntry[] = []
  readonly actions: RecordedAction<MapReduceAction>[] = []
  readonly timing: MapReduceTiming
  readonly backups: boolean
  /** Every attempt so far, in the order they were handed out. */
  readonly attempts: Attempt[] = []
  phase: Phase = 'map'
  /** When the job finished, once it has. */
  finishedAt: number | undefined
  private readonly loop: EventLoop<MapReduceEvent>
  private readonly random: Random
  private readonly observer: MapReduceObserver

  constructor(options: MapReduceOptions) {
    checkCount('workers', options.workers, MIN_WORKERS, MAX_WORKERS)
    checkCount('maps', options.maps, 1, MAX_MAPS)
    checkCount('reduces', options.reduces, 1, MAX_REDUCES)
    this.timing = { ...DEFAULT_TIMING, ...options.timing }
    this.backups = options.backups ?? true
    this.random = createRandom(options.seed)
    this.observer = options.observer ?? {}
    this.loop = new EventLoop((event) => this.handle(event))
    const tasks = (kind: Task['kind'], count: number): Task[] =>
      Array.from({ length: count }, (_, index) => ({
        kind,
        index,
        state: 'idle' as const,
        output: null,
        doneBy: null,
        commits: 0,
        losses: 0,
      }))
    this.maps = tasks('map', options.maps)
    this.reduces = tasks('reduce', options.reduces)
    this.workers = Array.from({ length: options.workers }, (_, id) => ({
      id,
      up: true,
      slow: false,
      incarnation: 0,
      attempt: null,
      declaredDead: false,
      exited: false,
    }))
    // Workers start a few ms apart, in order, as processes launched one after another.
    for (const worker of this.workers)
      this.loop.at(worker.id, { kind: 'ask', worker: worker.id, incarnation: 0 })
    this.loop.at(this.timing.ping, { kind: 'ping' })
    for (const { at, action } of options.script ?? [])
      this.loop.at(at, { kind: 'action', action }, EXTERNAL_ACTION)
    this.loop.pin(
      (options.replay ?? []).map(({ at, steps, action }) => ({
        steps,
        time: at,
        event: { kind: 'action' as const, action },
      })),
    )
  }

  get now(): number {
    return this.loop.now
  }
  get done(): boolean {
    return this.phase === 'done'
  }
  step(): boolean {
    return this.loop.step()
  }
  advanceTo(time: number): void {
    this.loop.advanceTo(time)
  }
  act(action: MapReduceAction): void {
    this.actions.push({ at: this.now, steps: this.loop.processed, action })
    this.apply(action)
  }

  private note(text: string, minor = false): void {
    this.log.push(minor ? { time: this.now, text, minor } : { time: this.now, text })
  }

  private handle(event: MapReduceEvent): void {
    switch (event.kind) {
      case 'ask': {
        const worker = this.workers[event.worker]!
        if (worker.up && worker.incarnation === event.incarnation && !worker.attempt)
          this.ask(worker)
        return
      }
      case 'finish':
        if (event.attempt.running && event.attempt.token === event.token) this.finish(event.attempt)
        return
      case 'timeout': {
        const { attempt } = event
        if (attempt.counted && attempt.task.state !== 'done') {
          attempt.counted = false
          this.note(
            `协调者等 ${name(attempt.worker)} 的 ${taskName(attempt.task)} 超过 ${this.timing.timeout / 1000} 秒没有回音，把任务重新发出`,
          )
          this.settle(attempt.task)
        }
        return
      }
      case 'ping':
        return this.ping()
      case 'action':
        return this.apply(event.action)
    }
  }

  // ---- The coordinator ------------------------------------------------------------------------

  /** A worker asks for work: it gets a task, a backup of a slow one, or is told to wait. */
  private ask(worker: Worker): void {
    if (this.phase === 'done') {
      if (!worker.exited) this.note(`${name(worker.id)} 得知作业已完成，退出`, true)
      worker.exited = true
      return
    }
    if (worker.declaredDead) {
      worker.declaredDead = false
      this.note(`${name(worker.id)} 重新向协调者报到`)
    }
    if (this.phase === 'reduce' && !this.mapOutputsReachable(worker)) return this.ask(worker)
    const tasks = this.phase === 'map' ? this.maps : this.reduces
    const idle = tasks.find((task) => task.state === 'idle')
    if (idle) return this.start(worker, idle, false)
    const straggling = this.backups ? this.backupCandidate(tasks, worker) : undefined
    if (straggling) return this.start(worker, straggling, true)
    this.note(`${name(worker.id)} 暂时没有任务可领，稍后再问`, true)
    this.loop.after(this.timing.poll, {
      kind: 'ask',
      worker: worker.id,
      incarnation: worker.incarnation,
    })
  }

  /**
   * Before a reduce starts, it reads every map output from the disks of the workers that made
   * them. If one of those workers is down, the reader reports it and the coordinator declares
   * the worker dead (its map tasks are run again). True when every output can be read.
   */
  private mapOutputsReachable(reader: Worker): boolean {
    for (const map of this.maps) {
      const holder = map.output && this.workers[map.output.worker]!
      if (holder && (!holder.up || holder.incarnation !== map.output!.incarnation)) {
        this.note(
          `${name(reader.id)} 读不到 ${name(holder.id)} 磁盘上 ${taskName(map)} 的输出，报告协调者`,
        )
        this.declareDead(holder)
        return false
      }
    }
    return true
  }

  /** Near the end of a phase: a task still running long after it started, with one attempt. */
  private backupCandidate(tasks: readonly Task[], worker: Worker): Task | undefined {
    let best: { task: Task; start: number } | undefined
    for (const task of tasks) {
      if (task.state !== 'in-progress') continue
      const counted = this.attempts.filter((a) => a.task === task && a.counted)
      if (counted.length !== 1 || counted[0]!.worker === worker.id) continue
      const start = counted[0]!.start
      if (this.now - start >= this.timing.backupAfter && (!best || start < best.start))
        best = { task, start }
    }
    return best?.task
  }

  private start(worker: Worker, task: Task, backup: boolean): void {
    const { mapMin, mapMax, reduceMin, reduceMax, slowFactor, timeout } = this.timing
    const work =
      task.kind === 'map'
        ? Math.round(this.random.between(mapMin, mapMax))
        : Math.round(this.random.between(reduceMin, reduceMax))
    const factor = worker.slow ? slowFactor : 1
    const attempt: Attempt = {
      id: this.attempts.length,
      task,
      worker: worker.id,
      incarnation: worker.incarnation,
      backup,
      start: this.now,
      work,
      progress: 0,
      since: this.now,
      factor,
      end: this.now + work * factor,
      token: 0,
      running: true,
      counted: true,
    }
    this.attempts.push(attempt)
    worker.attempt = attempt
    task.state = 'in-progress'
    if (task.kind === 'reduce') this.observer.reduceStart?.(task, this.maps, this.now)
    this.note(
      backup
        ? `${taskName(task)} 快拖到阶段末尾了：协调者把它的备份执行交给 ${name(worker.id)}`
        : `协调者把 ${taskName(task)} 交给 ${name(worker.id)}`,
    )
    this.loop.at(attempt.end, { kind: 'finish', attempt, token: 0 })
    this.loop.after(timeout, { kind: 'timeout', attempt })
  }

  /** A worker reports an attempt done: the first report of a task wins. */
  private finish(attempt: Attempt): void {
    const worker = this.workers[attempt.worker]!
    const { task } = attempt
    attempt.running = false
    worker.attempt = null
    if (task.state === 'done') {
      this.note(
        `${name(worker.id)} 报告 ${taskName(task)} 完成，但 ${name(task.doneBy!)} 已先完成：协调者忽略这份迟到的结果`,
      )
    } else {
      task.state = 'done'
      task.doneBy = worker.id
      task.commits++
      if (task.kind === 'map') task.output = { worker: worker.id, incarnation: worker.incarnation }
      for (const other of this.attempts) if (other.task === task) other.counted = false
      this.observer.commit?.(task, worker.id, this.now)
      this.note(
        task.kind === 'map'
          ? `${name(worker.id)} 完成 ${taskName(task)}，输出留在它的本地磁盘上`
          : `${name(worker.id)} 完成 ${taskName(task)}，输出文件原子改名，提交`,
      )
      this.updatePhase()
    }
    this.loop.after(0, { kind: 'ask', worker: worker.id, incarnation: worker.incarnation })
  }

  /** A task whose attempts the coordinator no longer counts on goes back to idle. */
  private settle(task: Task): void {
    if (task.state === 'in-progress' && !this.attempts.some((a) => a.task === task && a.counted))
      task.state = 'idle'
  }

  private updatePhase(): void {
    const before = this.phase
    this.phase = this.maps.some((task) => task.state !== 'done')
      ? 'map'
      : this.reduces.some((task) => task.state !== 'done')
        ? 'reduce'
        : 'done'
    if (this.phase === before) return
    if (this.phase === 'reduce') this.note('所有 map 任务都已完成，reduce 任务可以开始')
    if (this.phase === 'map') this.note('有 map 输出丢失，reduce 要等这些 map 重新完成')
    if (this.phase === 'done') {
      this.finishedAt = this.now
      this.note('所有 reduce 任务都已提交，作业完成')
    }
  }

  private ping(): void {
    if (this.phase === 'done') return
    for (const worker of this.workers)
      if (!worker.declaredDead && !worker.up) {
        this.note(`协调者 ping ${name(worker.id)} 没有回应`)
        this.declareDead(worker)
      }
    this.loop.after(this.timing.ping, { kind: 'ping' })
  }

  /**
   * The coordinator gives up on a worker: its running tasks go back to idle, and so do its
   * completed map tasks, whose output was on its local disk. Its completed reduce tasks stay
   * done: their output is in the global file system.
   */
  private declareDead(worker: Worker): void {
    worker.declaredDead = true
    const lost: Task[] = []
    const running: Task[] = []
    for (const attempt of this.attempts)
      if (attempt.worker === worker.id && attempt.counted) {
        attempt.counted = false
        running.push(attempt.task)
        this.settle(attempt.task)
      }
    if (this.phase !== 'done')
      for (const map of this.maps)
        if (map.state === 'done' && map.output?.worker === worker.id) {
          map.state = 'idle'
          map.output = null
          map.losses++
          lost.push(map)
        }
    const redo = [
      ...(running.length > 0 ? [`它手上的 ${running.map(taskName).join('、')} 重新发出`] : []),
      ...(lost.length > 0
        ? [`它已完成的 ${lost.map(taskName).join('、')} 的输出在它的磁盘上，要重新执行`]
        : []),
    ]
    this.note(`协调者认定 ${name(worker.id)} 失败${redo.length > 0 ? `：${redo.join('；')}` : ''}`)
    this.updatePhase()
  }

  // ---- The reader's and the script's actions -------------------------------------------------

  private apply(action: MapReduceAction): void {
    const worker = this.workers[action.worker]
    if (!worker) return
    switch (action.type) {
      case 'crash':
        if (!worker.up) return
        worker.up = false
        if (worker.attempt) worker.attempt.running = false
        worker.attempt = null
        this.note(`${name(worker.id)} 崩溃，本地磁盘上的数据随之丢失`)
        return
      case 'restart':
        if (worker.up) return
        worker.up = true
        worker.slow = false
        worker.exited = false
        worker.incarnation++
        this.note(`${name(worker.id)} 重启，磁盘是空的`)
        // It registers again; the coordinator learns that the old incarnation is gone.
        if (!worker.declaredDead) this.declareDead(worker)
        this.loop.after(0, { kind: 'ask', worker: worker.id, incarnation: worker.incarnation })
        return
      case 'slow':
        return this.toggleSlow(worker)
    }
  }

  /** A straggler (a bad disk, a busy machine) runs everything `slowFactor` times slower. */
  private toggleSlow(worker: Worker): void {
    if (!worker.up) return
    worker.slow = !worker.slow
    this.note(
      worker.slow
        ? `${name(worker.id)} 变慢了（比如磁盘出了毛病），干活慢 ${this.timing.slowFactor} 倍`
        : `${name(worker.id)} 恢复正常速度`,
    )
    const attempt = worker.attempt
    if (!attempt) return
    attempt.progress += (this.now - attempt.since) / attempt.factor
    attempt.since = this.now
    attempt.factor = worker.slow ? this.timing.slowFactor : 1
    attempt.end = this.now + (attempt.work - attempt.progress) * attempt.factor
    attempt.token++
    this.loop.at(attempt.end, { kind: 'finish', attempt, token: attempt.token })
  }

  /** How far an attempt has got, from 0 to 1 (for the picture). */
  progressOf(attempt: Attempt): number {
    const done = attempt.progress + (this.now - attempt.since) / attempt.factor
    return Math.min(1, Math.max(0, done / attempt.work))
  }
}

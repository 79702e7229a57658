/**
 * The event-queue scheduler every simulation core runs on: simulated time in milliseconds,
 * a queue of timed events, and one handler that processes them in order. Nothing here reads a
 * wall clock; the shell's player decides how fast simulated time passes.
 *
 * Events are ordered by time, then by `order` (0 for the system's own events, 1 for actions from
 * outside, such as an author's script), then by when they were scheduled.
 *
 * A reader's action is not queued by time: the reader may act after stepping onto the first of
 * two events at the same millisecond. So a replay pins it instead to the number of events
 * processed before it (`pin`), which puts it back exactly where it was.
 */

/** Orders events that fall on the same millisecond. */
export const SYSTEM_EVENT = 0
export const EXTERNAL_ACTION = 1

interface Queued<E> {
  time: number
  order: number
  seq: number
  event: E
}

function before<E>(a: Queued<E>, b: Queued<E>): boolean {
  return a.time !== b.time
    ? a.time < b.time
    : a.order !== b.order
      ? a.order < b.order
      : a.seq < b.seq
}

/** A binary min-heap of timed events. */
export class EventQueue<E> {
  private heap: Queued<E>[] = []
  private seq = 0

  get size(): number {
    return this.heap.length
  }

  push(time: number, event: E, order = SYSTEM_EVENT): void {
    if (!Number.isFinite(time)) throw new Error(`event time must be finite, got ${time}`)
    const heap = this.heap
    heap.push({ time, order, seq: this.seq++, event })
    let index = heap.length - 1
    while (index > 0) {
      const parent = (index - 1) >> 1
      if (!before(heap[index]!, heap[parent]!)) break
      ;[heap[index], heap[parent]] = [heap[parent]!, heap[index]!]
      index = parent
    }
  }

  /** Time of the earliest event, or undefined when the queue is empty. */
  peekTime(): number | undefined {
    return this.heap[0]?.time
  }

  pop(): { time: number; event: E } | undefined {
    const heap = this.heap
    const top = heap[0]
    if (!top) return undefined
    const last = heap.pop()!
    if (heap.length > 0) {
      heap[0] = last
      let index = 0
      for (;;) {
        const left = 2 * index + 1
        const right = left + 1
        let smallest = index
        if (left < heap.length && before(heap[left]!, heap[smallest]!)) smallest = left
        if (right < heap.length && before(heap[right]!, heap[smallest]!)) smallest = right
        if (smallest === index) break
        ;[heap[index], heap[smallest]] = [heap[smallest]!, heap[index]!]
        index = smallest
      }
    }
    return { time: top.time, event: top.event }
  }
}

/**
 * A simulated clock driving an event queue. A core creates one with its event handler and
 * schedules the first events; `step` and `advanceTo` are what the shell's player calls.
 */
/** An event a replay must handle after exactly `steps` queued events, at time `time`. */
export interface PinnedEvent<E> {
  steps: number
  time: number
  event: E
}

export class EventLoop<E> {
  private queue = new EventQueue<E>()
  private clock = 0
  private count = 0
  private pinned: PinnedEvent<E>[] = []
  private readonly handle: (event: E, time: number) => void

  constructor(handle: (event: E, time: number) => void) {
    this.handle = handle
  }

  /** Simulated time now, in milliseconds. */
  get now(): number {
    return this.clock
  }

  /** Schedules an event `delay` ms from now. */
  after(delay: number, event: E, order = SYSTEM_EVENT): void {
    this.queue.push(this.clock + Math.max(0, delay), event, order)
  }

  /** Schedules an event at an absolute time (not before now). */
  at(time: number, event: E, order = SYSTEM_EVENT): void {
    this.queue.push(Math.max(this.clock, time), event, order)
  }

  /** How many queued events have been processed. */
  get processed(): number {
    return this.count
  }

  /** Events to handle after a given number of processed events (a replay of the reader's actions). */
  pin(events: readonly PinnedEvent<E>[]): void {
    this.pinned.push(...events)
    this.pinned.sort((a, b) => a.steps - b.steps || a.time - b.time)
  }

  /** Handles the pinned events due now; true if there were any. */
  private handlePinned(until: number): boolean {
    let handled = false
    for (let next = this.pinned[0]; next && next.steps <= this.count && next.time <= until;) {
      this.pinned.shift()
      this.clock = Math.max(this.clock, next.time)
      this.handle(next.event, this.clock)
      handled = true
      next = this.pinned[0]
    }
    return handled
  }

  /** Time of the next pending event, if any. */
  nextTime(): number | undefined {
    return this.queue.peekTime()
  }

  /** Processes the next event, moving the clock to its time. False when nothing is pending. */
  step(): boolean {
    if (this.handlePinned(Infinity)) return true
    const next = this.queue.pop()
    if (!next) return false
    this.clock = next.time
    this.count++
    this.handle(next.event, next.time)
    return true
  }

  /** Processes every event due at or before `time`, then moves the clock to `time`. */
  advanceTo(time: number): void {
    for (;;) {
      if (this.handlePinned(time)) continue
      const next = this.queue.peekTime()
      if (next === undefined || next > time) break
      this.step()
    }
    this.clock = Math.max(this.clock, time)
  }
}

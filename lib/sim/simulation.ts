/**
 * The simulation shell's API: how a new simulation (Raft, MapReduce, a hash ring…) is built.
 *
 * 1. The core, in `lib/sim/<name>/`, is pure TypeScript with no DOM: it owns an `EventLoop`
 *    (`./event-loop`, simulated milliseconds, never the wall clock) and draws every random
 *    number from `createRandom(seed)` (`./random`), so one seed gives one run. It implements
 *    `TimedSimulation<Action>` below: `step`, `advanceTo`, `act`, an append-only text `log`,
 *    and `actions`, the reader's actions so far. Given the same seed and `actions` as
 *    `replay` (the core passes them to `EventLoop.pin`), it repeats a run event for event.
 *    Test it alone with vitest (tests/unit/).
 * 2. The drawing, in `components/sim/<name>/`: a server component that renders the start
 *    state inside `SimFrame` + `SimLayout` (the static picture, shipped as HTML), and a
 *    `'use client'` live component, registered in `liveModules` of `sim-loader.tsx`, which
 *    calls `useSimPlayer({ create, … })` and draws `player.sim` in the same `SimLayout` with
 *    `SimToolbar` (play/pause, step, speed, reset, replay, seed) and `SimLog` (the event log,
 *    with a live region for what the reader's last step or action did).
 * 3. The player gives space = play/pause and → = step on the picture, a seed field, and with
 *    `prefers-reduced-motion` plays in discrete steps instead of gliding.
 */

/** One line of the text event log: what happened, when, in words. */
export interface SimLogEntry {
  /** Simulated time in milliseconds. */
  time: number
  text: string
  /**
   * Routine events (a heartbeat delivered, a timer rearmed): announced when the reader steps
   * onto them, left out of the visible log so the story stays readable.
   */
  minor?: boolean
}

/** An action from an author's script: applied at a simulated time, after the events due then. */
export interface TimedAction<A> {
  at: number
  action: A
}

/** A reader's action as recorded for a replay: after `steps` processed events, at time `at`. */
export interface RecordedAction<A> extends TimedAction<A> {
  steps: number
}

export interface TimedSimulation<A> {
  /** Simulated time now, in milliseconds. */
  readonly now: number
  /** Everything that has happened so far, oldest first; only ever appended to. */
  readonly log: readonly SimLogEntry[]
  /** The reader's actions so far (`act`), to replay the run. */
  readonly actions: readonly RecordedAction<A>[]
  /** Processes the next event. False when nothing is pending. */
  step(): boolean
  /** Processes every event due at or before `time`, then moves the clock to `time`. */
  advanceTo(time: number): void
  /** Applies an action now (the reader's click). */
  act(action: A): void
}

/** `1234` → `1.234 秒`: how the shell shows simulated time. */
export function formatSimTime(ms: number): string {
  return `${(ms / 1000).toFixed(3)} 秒`
}

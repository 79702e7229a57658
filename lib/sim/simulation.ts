/**
 * The contract between a simulation core (pure, under lib/sim/<name>/) and the shell that
 * draws and plays it (components/sim/). A core that implements `TimedSimulation` gets play,
 * pause, step, speed, reset, replay, keyboard control and the text event log for free.
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

/** An action from outside the system (a script line or a reader's click), at a simulated time. */
export interface TimedAction<A> {
  at: number
  action: A
}

export interface TimedSimulation<A> {
  /** Simulated time now, in milliseconds. */
  readonly now: number
  /** Everything that has happened so far, oldest first; only ever appended to. */
  readonly log: readonly SimLogEntry[]
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

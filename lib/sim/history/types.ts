/**
 * A history of operations on one read/write register (the value starts at 0), as a test
 * harness records it: who called what, when the call was made and when it returned.
 */

export type OpKind = 'read' | 'write'

export interface HistoryOp {
  /** The client that issued the operation, e.g. C1; one row of the timeline per client. */
  client: string
  kind: OpKind
  /** The value written, or the value the read returned. */
  value: number
  /** When the client called the operation. */
  invoke: number
  /**
   * When the call returned; null for a write that timed out (its client never learned whether
   * it took effect), which the checker treats as returning at infinity.
   */
  return: number | null
}

/** The register's value before any write. */
export const INITIAL_VALUE = 0
/** Most operations a history may hold: the search keeps its linearized set in one 32-bit word. */
export const MAX_OPS = 16
/** The latest time a history may use, so a timeline stays readable. */
export const MAX_TIME = 1000

/** A valid linearization: every completed operation in an order the register allows. */
export interface Linearizable {
  linearizable: true
  /** Indexes into the history, in linearization order. Timed-out writes left out never took effect. */
  order: number[]
}

/** No order works; the explanation is the search's deepest dead end. */
export interface NotLinearizable {
  linearizable: false
  /** The longest linearizable prefix the search found (indexes into the history). */
  prefix: number[]
  /** The register's value after that prefix. */
  state: number
  /** The operation that must come next (it returns first of those left) and cannot be placed. */
  stuck: number
  /** Why, in Chinese, e.g. "读到 2，但此时寄存器只能是 1". */
  reason: string
}

export type CheckResult = Linearizable | NotLinearizable

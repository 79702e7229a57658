import type { LogEntry, RaftObserver, RaftServer } from './types'
import { serverName as name } from './types'

/**
 * Raft's safety properties (Figure 3 of the extended Raft paper), checked as a run goes:
 * watch a simulation with `observer`, and call `checkLogs` whenever the logs may have changed.
 * Each broken property is recorded once as a sentence in `violations`.
 */
export class RaftInvariants {
  readonly violations: string[] = []
  private readonly leaders = new Map<number, number>()
  /** Every entry some server applied: the committed prefix, as far as anyone knows. */
  private readonly committed: LogEntry[] = []

  readonly observer: RaftObserver = {
    // Election safety: at most one leader per term.
    leader: (server) => {
      const earlier = this.leaders.get(server.term)
      if (earlier !== undefined && earlier !== server.id)
        this.fail(
          `election safety: ${name(earlier)} and ${name(server.id)} both lead term ${server.term}`,
        )
      this.leaders.set(server.term, server.id)
      // Leader completeness: a new leader holds every entry committed so far.
      this.committed.forEach((entry, offset) => {
        const held = server.log[offset]
        if (!held || held.term !== entry.term || held.command !== entry.command)
          this.fail(
            `leader completeness: ${name(server.id)} leads term ${server.term} without committed entry ${offset + 1} (term ${entry.term})`,
          )
      })
    },
    // State machine safety: no two servers apply different commands at one index.
    apply: (server, index, entry) => {
      const known = this.committed[index - 1]
      if (known && (known.term !== entry.term || known.command !== entry.command))
        this.fail(
          `state machine safety: ${name(server.id)} applies ${entry.command} (term ${entry.term}) at ${index}, where ${known.command} (term ${known.term}) was applied`,
        )
      else if (!known) this.committed[index - 1] = { ...entry }
    },
  }

  /** Log matching: two logs with an entry of the same index and term agree up to it. */
  checkLogs(servers: readonly RaftServer[]): void {
    for (const a of servers)
      for (const b of servers) {
        if (a.id >= b.id) continue
        const shorter = Math.min(a.log.length, b.log.length)
        for (let index = shorter; index >= 1; index--) {
          if (a.log[index - 1]!.term !== b.log[index - 1]!.term) continue
          for (let before = index; before >= 1; before--) {
            const x = a.log[before - 1]!
            const y = b.log[before - 1]!
            if (x.term !== y.term || x.command !== y.command) {
              this.fail(
                `log matching: ${name(a.id)} and ${name(b.id)} agree at ${index} but differ at ${before}`,
              )
              return
            }
          }
          break
        }
      }
  }

  /** Entries known to be committed. */
  get committedCount(): number {
    return this.committed.length
  }

  private fail(violation: string): void {
    if (!this.violations.includes(violation)) this.violations.push(violation)
  }
}

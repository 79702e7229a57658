/** The state and messages of the Raft core (Figure 2 of the extended Raft paper). */

export const MIN_SERVERS = 3
export const MAX_SERVERS = 7

export type Role = 'follower' | 'candidate' | 'leader'

export interface LogEntry {
  term: number
  command: string
}

export interface RaftServer {
  /** 0-based; shown to readers as S1, S2, … */
  id: number
  /** False while crashed. */
  up: boolean
  role: Role
  // Persistent state: survives a crash.
  term: number
  votedFor: number | null
  log: LogEntry[]
  // Volatile state: lost in a crash.
  commitIndex: number
  /** Commands applied to the state machine, in order (index i holds log entry i + 1). */
  applied: string[]
  /** Candidate: who granted a vote this term. Leader: unused. */
  votes: boolean[]
  /** Leader: next log index to send each server (1-based). */
  nextIndex: number[]
  /** Leader: highest index known to be replicated on each server. */
  matchIndex: number[]
  /** When the election timer was armed and when it fires (Infinity when not armed). */
  timerStart: number
  timerEnd: number
}

export type RaftMessage =
  | { type: 'RequestVote'; term: number; lastLogIndex: number; lastLogTerm: number }
  | { type: 'RequestVoteReply'; term: number; granted: boolean }
  | {
      type: 'AppendEntries'
      term: number
      prevLogIndex: number
      prevLogTerm: number
      entries: LogEntry[]
      leaderCommit: number
    }
  | { type: 'AppendEntriesReply'; term: number; success: boolean; matchIndex: number }

export interface InFlight {
  id: number
  from: number
  to: number
  sentAt: number
  arrivesAt: number
  body: RaftMessage
}

/** What a script or the reader can do to the cluster. */
export type RaftAction =
  | { type: 'crash'; server: number | 'leader' }
  | { type: 'restart'; server: number }
  /** Group number per server: messages pass only between servers of one group. */
  | { type: 'partition'; groups: number[] }
  | { type: 'heal' }
  /** Lose one message in flight: the given one, or the next to arrive. */
  | { type: 'drop'; message?: number }
  /** A client command, to the given server or to the leader of the highest term. */
  | { type: 'request'; server?: number }
  /** Fire a server's election timer now. */
  | { type: 'timeout'; server: number }

export interface RaftTiming {
  /** Election timeouts are drawn uniformly from [min, max) ms. */
  electionMin: number
  electionMax: number
  heartbeat: number
  latencyMin: number
  latencyMax: number
}

export const DEFAULT_TIMING: RaftTiming = {
  electionMin: 150,
  electionMax: 300,
  heartbeat: 60,
  latencyMin: 15,
  latencyMax: 30,
}

/** Watches a run from inside (the property tests); called as things happen. */
export interface RaftObserver {
  leader?(server: RaftServer, time: number): void
  apply?(server: RaftServer, index: number, entry: LogEntry, time: number): void
}

export const serverName = (id: number) => `S${id + 1}`

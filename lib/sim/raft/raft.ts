import { EventLoop, EXTERNAL_ACTION } from '../event-loop'
import { createRandom, type Random } from '../random'
import type { RecordedAction, SimLogEntry, TimedAction, TimedSimulation } from '../simulation'
import { Network } from './network'
import {
  DEFAULT_TIMING,
  MAX_SERVERS,
  MIN_SERVERS,
  type InFlight,
  type LogEntry,
  type RaftAction,
  type RaftMessage,
  type RaftObserver,
  type RaftServer,
  type RaftTiming,
  serverName as name,
} from './types'

/**
 * Raft leader election and log replication (Figure 2 of the extended Raft paper) on a
 * simulated network: a pure, deterministic core for RaftSim and its property tests.
 */

export interface RaftOptions {
  servers: number
  seed: number
  timing?: Partial<RaftTiming>
  /** The first election timeout of each server, in ms (a scenario's start state); random if absent. */
  firstTimeouts?: readonly (number | undefined)[]
  /** Probability that the network loses a message. */
  lossRate?: number
  /** An author's script of faults and requests. */
  script?: readonly TimedAction<RaftAction>[]
  /** The reader's actions of an earlier run, to replay it. */
  replay?: readonly RecordedAction<RaftAction>[]
  observer?: RaftObserver
}

type RaftEvent =
  | { kind: 'election'; server: number; token: number }
  | { kind: 'heartbeat'; server: number; token: number }
  | { kind: 'deliver'; id: number }
  | { kind: 'action'; action: RaftAction; fromReader: boolean }

const lastTerm = (log: readonly LogEntry[]) => log.at(-1)?.term ?? 0
const termAt = (log: readonly LogEntry[], index: number) => (index > 0 ? log[index - 1]!.term : 0)

export class RaftSimulation implements TimedSimulation<RaftAction> {
  readonly servers: RaftServer[]
  readonly network: Network
  readonly log: SimLogEntry[] = []
  readonly actions: RecordedAction<RaftAction>[] = []
  readonly timing: RaftTiming
  private readonly loop: EventLoop<RaftEvent>
  private readonly random: Random
  private readonly observer: RaftObserver
  /** Each server's timer generation: a timer event from an older generation is stale. */
  private readonly tokens: number[]
  private commands = 0

  constructor(options: RaftOptions) {
    const count = options.servers
    if (!Number.isInteger(count) || count < MIN_SERVERS || count > MAX_SERVERS)
      throw new Error(
        `servers must be an integer from ${MIN_SERVERS} to ${MAX_SERVERS}, got ${count}`,
      )
    this.timing = { ...DEFAULT_TIMING, ...options.timing }
    this.random = createRandom(options.seed)
    this.observer = options.observer ?? {}
    this.loop = new EventLoop((event) => this.handle(event))
    this.network = new Network(count, this.random, this.timing, options.lossRate ?? 0)
    this.tokens = new Array<number>(count).fill(0)
    this.servers = Array.from({ length: count }, (_, id) => ({
      id,
      up: true,
      role: 'follower' as const,
      term: 0,
      votedFor: null,
      log: [],
      commitIndex: 0,
      applied: [],
      votes: new Array<boolean>(count).fill(false),
      nextIndex: new Array<number>(count).fill(1),
      matchIndex: new Array<number>(count).fill(0),
      timerStart: 0,
      timerEnd: Infinity,
    }))
    for (const server of this.servers) this.armElection(server, options.firstTimeouts?.[server.id])
    for (const { at, action } of options.script ?? [])
      this.loop.at(at, { kind: 'action', action, fromReader: false }, EXTERNAL_ACTION)
    this.loop.pin(
      (options.replay ?? []).map(({ at, steps, action }) => ({
        steps,
        time: at,
        event: { kind: 'action' as const, action, fromReader: true },
      })),
    )
  }

  get now(): number {
    return this.loop.now
  }
  get processed(): number {
    return this.loop.processed
  }
  get size(): number {
    return this.servers.length
  }
  get majority(): number {
    return Math.floor(this.servers.length / 2) + 1
  }
  /** The up leader of the highest term, if any. */
  get leader(): RaftServer | undefined {
    let best: RaftServer | undefined
    for (const server of this.servers)
      if (server.up && server.role === 'leader' && (!best || server.term > best.term)) best = server
    return best
  }

  step(): boolean {
    return this.loop.step()
  }
  advanceTo(time: number): void {
    this.loop.advanceTo(time)
  }
  nextTime(): number | undefined {
    return this.loop.nextTime()
  }
  act(action: RaftAction): void {
    this.actions.push({ at: this.now, steps: this.processed, action })
    this.apply(action)
  }

  private note(text: string, minor = false): void {
    this.log.push(minor ? { time: this.now, text, minor } : { time: this.now, text })
  }

  private handle(event: RaftEvent): void {
    switch (event.kind) {
      case 'election': {
        const server = this.servers[event.server]!
        if (server.up && this.tokens[server.id] === event.token) this.startElection(server)
        return
      }
      case 'heartbeat': {
        const server = this.servers[event.server]!
        if (server.up && server.role === 'leader' && this.tokens[server.id] === event.token) {
          this.broadcastAppend(server)
          this.loop.after(this.timing.heartbeat, event)
        }
        return
      }
      case 'deliver': {
        const message = this.network.arrive(event.id)
        if (!message) return
        const blocked = this.network.blocked(message)
        const target = this.servers[message.to]!
        if (blocked || !target.up) {
          this.note(
            `${name(message.from)}→${name(message.to)} 的 ${message.body.type} ${blocked ? '被分区挡住，丢失' : '到达时对方已崩溃，丢失'}`,
            true,
          )
          return
        }
        this.receive(target, message)
        return
      }
      case 'action':
        this.apply(event.action)
    }
  }

  // ---- Timers -------------------------------------------------------------------------------

  private armElection(server: RaftServer, timeout?: number): void {
    const token = ++this.tokens[server.id]!
    const delay = timeout ?? this.random.between(this.timing.electionMin, this.timing.electionMax)
    server.timerStart = this.now
    server.timerEnd = this.now + delay
    this.loop.after(delay, { kind: 'election', server: server.id, token })
  }

  private disarm(server: RaftServer): void {
    this.tokens[server.id]!++
    server.timerEnd = Infinity
  }

  // ---- Elections ----------------------------------------------------------------------------

  private startElection(server: RaftServer): void {
    server.term++
    server.role = 'candidate'
    server.votedFor = server.id
    server.votes.fill(false)
    server.votes[server.id] = true
    this.note(`${name(server.id)} 选举超时，成为候选人，开始任期 ${server.term} 的选举`)
    this.armElection(server)
    if (this.servers.length === 1) return this.becomeLeader(server)
    for (const peer of this.servers) {
      if (peer.id === server.id) continue
      this.send(server, peer.id, {
        type: 'RequestVote',
        term: server.term,
        lastLogIndex: server.log.length,
        lastLogTerm: lastTerm(server.log),
      })
    }
  }

  /** Any message with a higher term: adopt it and become a follower (§5.1). */
  private observeTerm(server: RaftServer, term: number): void {
    if (term <= server.term) return
    const wasLeader = server.role === 'leader'
    server.term = term
    server.votedFor = null
    if (server.role !== 'follower') {
      server.role = 'follower'
      this.note(
        `${name(server.id)} 看到更高的任期 ${term}，退回跟随者${wasLeader ? '（不再是领导者）' : ''}`,
      )
      this.armElection(server)
    }
  }

  private onRequestVote(
    server: RaftServer,
    from: number,
    body: RaftMessage & { type: 'RequestVote' },
  ) {
    const upToDate =
      body.lastLogTerm > lastTerm(server.log) ||
      (body.lastLogTerm === lastTerm(server.log) && body.lastLogIndex >= server.log.length)
    const granted =
      body.term === server.term &&
      (server.votedFor === null || server.votedFor === from) &&
      upToDate
    if (granted) {
      server.votedFor = from
      this.armElection(server)
      this.note(`${name(server.id)} 投票给 ${name(from)}（任期 ${server.term}）`)
    } else if (body.term === server.term) {
      const why = upToDate ? `已投给 ${name(server.votedFor!)}` : '对方的日志不如自己新'
      this.note(`${name(server.id)} 拒绝投票给 ${name(from)}：${why}`)
    }
    this.send(server, from, { type: 'RequestVoteReply', term: server.term, granted })
  }

  private onVoteReply(server: RaftServer, from: number, granted: boolean, term: number): void {
    if (server.role !== 'candidate' || term !== server.term || !granted) return
    server.votes[from] = true
    const votes = server.votes.filter(Boolean).length
    if (votes >= this.majority) this.becomeLeader(server)
  }

  private becomeLeader(server: RaftServer): void {
    server.role = 'leader'
    server.nextIndex.fill(server.log.length + 1)
    server.matchIndex.fill(0)
    server.matchIndex[server.id] = server.log.length
    this.disarm(server)
    this.note(`${name(server.id)} 得到多数票，成为任期 ${server.term} 的领导者`)
    this.observer.leader?.(server, this.now)
    this.broadcastAppend(server)
    this.loop.after(this.timing.heartbeat, {
      kind: 'heartbeat',
      server: server.id,
      token: this.tokens[server.id]!,
    })
  }

  // ---- Log replication ----------------------------------------------------------------------

  private broadcastAppend(leader: RaftServer): void {
    for (const peer of this.servers) if (peer.id !== leader.id) this.sendAppend(leader, peer.id)
  }

  private sendAppend(leader: RaftServer, to: number): void {
    const prevLogIndex = leader.nextIndex[to]! - 1
    this.send(leader, to, {
      type: 'AppendEntries',
      term: leader.term,
      prevLogIndex,
      prevLogTerm: termAt(leader.log, prevLogIndex),
      entries: leader.log.slice(prevLogIndex),
      leaderCommit: leader.commitIndex,
    })
  }

  private onAppend(
    server: RaftServer,
    from: number,
    body: RaftMessage & { type: 'AppendEntries' },
  ) {
    const reply = (success: boolean, matchIndex: number) =>
      this.send(server, from, {
        type: 'AppendEntriesReply',
        term: server.term,
        success,
        matchIndex,
      })
    if (body.term < server.term) return reply(false, 0)
    if (server.role !== 'follower') {
      server.role = 'follower'
      this.note(`${name(server.id)} 承认 ${name(from)} 是任期 ${body.term} 的领导者，退回跟随者`)
    }
    this.armElection(server)
    const { prevLogIndex, prevLogTerm, entries } = body
    if (prevLogIndex > server.log.length || termAt(server.log, prevLogIndex) !== prevLogTerm) {
      this.note(
        `${name(server.id)} 一致性检查失败：没有第 ${prevLogIndex} 条任期 ${prevLogTerm} 的日志，拒绝`,
      )
      return reply(false, 0)
    }
    let changed = false
    entries.forEach((entry, offset) => {
      const index = prevLogIndex + offset + 1
      if (index <= server.log.length && server.log[index - 1]!.term === entry.term) return
      if (index <= server.log.length) {
        this.note(`${name(server.id)} 删除第 ${index} 条起与领导者冲突的日志`)
        server.log.length = index - 1
      }
      server.log.push(entry)
      changed = true
    })
    const match = prevLogIndex + entries.length
    if (changed) this.note(`${name(server.id)} 追加日志，现在到第 ${server.log.length} 条`)
    else this.note(`${name(server.id)} 收到 ${name(from)} 的心跳`, true)
    if (body.leaderCommit > server.commitIndex)
      this.commitTo(server, Math.min(body.leaderCommit, match))
    reply(true, match)
  }

  private onAppendReply(
    leader: RaftServer,
    from: number,
    body: RaftMessage & { type: 'AppendEntriesReply' },
  ): void {
    if (leader.role !== 'leader' || body.term !== leader.term) return
    if (body.success) {
      leader.matchIndex[from] = Math.max(leader.matchIndex[from]!, body.matchIndex)
      leader.nextIndex[from] = leader.matchIndex[from]! + 1
      this.advanceCommit(leader)
    } else if (leader.nextIndex[from]! > 1) {
      leader.nextIndex[from]!--
      this.note(
        `${name(leader.id)} 把 ${name(from)} 的 nextIndex 退到 ${leader.nextIndex[from]}，重发`,
      )
      this.sendAppend(leader, from)
    }
  }

  /** Commit the highest index a majority holds, if it is from the current term (§5.4.2). */
  private advanceCommit(leader: RaftServer): void {
    const matches = [...leader.matchIndex].sort((a, b) => b - a)
    const candidate = matches[this.majority - 1]!
    if (candidate > leader.commitIndex && termAt(leader.log, candidate) === leader.term)
      this.commitTo(leader, candidate)
  }

  private commitTo(server: RaftServer, index: number): void {
    if (index <= server.commitIndex) return
    if (server.role === 'leader')
      this.note(`${name(server.id)} 提交到第 ${index} 条（多数派已复制）`)
    server.commitIndex = index
    while (server.applied.length < server.commitIndex) {
      const at = server.applied.length + 1
      const entry = server.log[at - 1]!
      server.applied.push(entry.command)
      this.observer.apply?.(server, at, entry, this.now)
    }
  }

  // ---- Messages -----------------------------------------------------------------------------

  private send(from: RaftServer, to: number, body: RaftMessage): void {
    const message = this.network.send(from.id, to, this.now, body)
    if (message) this.loop.at(message.arrivesAt, { kind: 'deliver', id: message.id })
  }

  private receive(server: RaftServer, message: InFlight): void {
    const { body, from } = message
    this.observeTerm(server, body.term)
    switch (body.type) {
      case 'RequestVote':
        return this.onRequestVote(server, from, body)
      case 'RequestVoteReply':
        return this.onVoteReply(server, from, body.granted, body.term)
      case 'AppendEntries':
        return this.onAppend(server, from, body)
      case 'AppendEntriesReply':
        return this.onAppendReply(server, from, body)
    }
  }

  // ---- Faults and requests ------------------------------------------------------------------

  private apply(action: RaftAction): void {
    switch (action.type) {
      case 'crash': {
        const server = action.server === 'leader' ? this.leader : this.servers[action.server]
        if (!server?.up) return this.note('要崩溃的服务器不存在或已崩溃，未执行')
        server.up = false
        server.role = 'follower'
        server.commitIndex = 0
        server.applied = []
        this.disarm(server)
        return this.note(`${name(server.id)} 崩溃（任期、投票和日志在磁盘上，保留）`)
      }
      case 'restart': {
        const server = this.servers[action.server]
        if (!server || server.up) return this.note('要重启的服务器不存在或正在运行，未执行')
        server.up = true
        this.armElection(server)
        return this.note(`${name(server.id)} 重启，作为跟随者，任期 ${server.term}`)
      }
      case 'partition':
        this.network.partition(action.groups)
        return this.note(`网络分区：${this.network.describe()}`)
      case 'heal':
        this.network.heal()
        return this.note('网络恢复：所有服务器重新连通')
      case 'drop': {
        const message = this.network.drop(action.message)
        return this.note(
          message
            ? `丢弃消息：${name(message.from)}→${name(message.to)} 的 ${message.body.type}`
            : '没有在途的消息可丢弃',
        )
      }
      case 'request':
        return this.request(action.server)
      case 'timeout': {
        const server = this.servers[action.server]
        if (!server?.up || server.role === 'leader')
          return this.note('只有运行中的非领导者能选举超时，未执行')
        return this.startElection(server)
      }
    }
  }

  private request(to?: number): void {
    const server = to === undefined ? this.leader : this.servers[to]
    const command = `x←${this.commands + 1}`
    if (!server || !server.up || server.role !== 'leader') {
      return this.note(`客户端请求 ${command} 没有送达领导者，被拒绝（客户端会换一台重试）`)
    }
    this.commands++
    server.log.push({ term: server.term, command })
    server.matchIndex[server.id] = server.log.length
    this.note(`${name(server.id)} 收到客户端请求 ${command}，写入日志第 ${server.log.length} 条`)
    this.advanceCommit(server)
    this.broadcastAppend(server)
  }
}

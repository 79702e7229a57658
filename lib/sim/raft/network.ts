import type { Random } from '../random'
import { serverName, type InFlight, type RaftMessage, type RaftTiming } from './types'

/**
 * The simulated network: messages in flight with random latency, random loss, partitions
 * into groups, and messages the reader drops by hand. A partition is checked when a message
 * arrives, so one sent just before a partition is lost on the way.
 */
export class Network {
  private readonly inFlight = new Map<number, InFlight>()
  private groups: number[]
  private nextId = 1
  private readonly size: number
  private readonly random: Random
  private readonly timing: RaftTiming
  private readonly lossRate: number

  constructor(size: number, random: Random, timing: RaftTiming, lossRate: number) {
    this.size = size
    this.random = random
    this.timing = timing
    this.lossRate = lossRate
    this.groups = new Array<number>(size).fill(0)
  }

  /** Messages on the way, oldest first. */
  get messages(): InFlight[] {
    return [...this.inFlight.values()]
  }

  /** The group of each server (all 0 when the network is whole). */
  get partitionGroups(): readonly number[] {
    return this.groups
  }

  get partitioned(): boolean {
    return this.groups.some((group) => group !== this.groups[0])
  }

  /** Puts a message on the wire; undefined when the network loses it at once. */
  send(from: number, to: number, now: number, body: RaftMessage): InFlight | undefined {
    const id = this.nextId++
    const latency = this.random.between(this.timing.latencyMin, this.timing.latencyMax)
    if (this.lossRate > 0 && this.random.chance(this.lossRate)) return undefined
    const message = { id, from, to, sentAt: now, arrivesAt: now + latency, body }
    this.inFlight.set(id, message)
    return message
  }

  /** Takes a message off the wire when it arrives; undefined if it was dropped. */
  arrive(id: number): InFlight | undefined {
    const message = this.inFlight.get(id)
    this.inFlight.delete(id)
    return message
  }

  blocked(message: InFlight): boolean {
    return this.groups[message.from] !== this.groups[message.to]
  }

  /** Drops the given message, or the one that would arrive next. */
  drop(id?: number): InFlight | undefined {
    let victim = id === undefined ? undefined : this.inFlight.get(id)
    if (id === undefined)
      for (const message of this.inFlight.values())
        if (!victim || message.arrivesAt < victim.arrivesAt) victim = message
    if (victim) this.inFlight.delete(victim.id)
    return victim
  }

  partition(groups: readonly number[]): void {
    if (groups.length !== this.size || groups.some((group) => !Number.isInteger(group)))
      throw new Error(
        `a partition needs one integer group per server (${this.size}), got ${groups.join(',')}`,
      )
    this.groups = [...groups]
  }

  heal(): void {
    this.groups.fill(0)
  }

  /** `{S1 S2} | {S3 S4 S5}` */
  describe(): string {
    const byGroup = new Map<number, string[]>()
    this.groups.forEach((group, id) =>
      byGroup.set(group, [...(byGroup.get(group) ?? []), serverName(id)]),
    )
    return [...byGroup.values()].map((names) => `{${names.join(' ')}}`).join(' | ')
  }
}

import { EventLoop, EXTERNAL_ACTION } from '../event-loop'
import {
  checkCount,
  type RecordedAction,
  type SimLogEntry,
  type TimedAction,
  type TimedSimulation,
} from '../simulation'
import {
  buildRing,
  countMoved,
  keyPositions,
  loads,
  MAX_KEYS,
  MAX_NODES,
  MAX_VNODES,
  MIN_KEYS,
  MIN_NODES,
  modOwners,
  nodeName as name,
  type RingPoint,
  ringOwners,
} from './ring'

/**
 * A hash ring the reader changes one step at a time (add a node, remove one, change the number
 * of virtual nodes), on the same player as the other simulations: an author's script is a list
 * of timed changes, and each change says how many keys moved and how many hash mod N would
 * have moved. Pure and deterministic: the seed places the nodes and the keys.
 */

export type HashRingAction =
  { type: 'add' } | { type: 'remove'; node: number } | { type: 'vnodes'; count: number }

export interface HashRingOptions {
  nodes: number
  vnodes: number
  keys: number
  seed: number
  script?: readonly TimedAction<HashRingAction>[]
  replay?: readonly RecordedAction<HashRingAction>[]
}

/** What the last change did: the keys that moved, under the ring and under mod N. */
export interface RingChange {
  moved: number[]
  modMoved: number
}

const percent = (part: number, whole: number) => `${Math.round((100 * part) / whole)}%`

export class HashRingSimulation implements TimedSimulation<HashRingAction> {
  readonly seed: number
  /** The node ids on the ring, in the order they joined (mod N numbers them in this order). */
  nodes: number[]
  vnodes: number
  readonly keys: number[]
  ring: RingPoint[]
  /** The owner of each key now. */
  owners: number[]
  lastChange: RingChange | null = null
  readonly log: SimLogEntry[] = []
  readonly actions: RecordedAction<HashRingAction>[] = []
  private readonly loop: EventLoop<HashRingAction>
  private nextId: number

  constructor(options: HashRingOptions) {
    checkCount('nodes', options.nodes, MIN_NODES, MAX_NODES)
    checkCount('vnodes', options.vnodes, 1, MAX_VNODES)
    checkCount('keys', options.keys, MIN_KEYS, MAX_KEYS)
    this.seed = options.seed
    this.nodes = Array.from({ length: options.nodes }, (_, id) => id)
    this.nextId = options.nodes
    this.vnodes = options.vnodes
    this.keys = keyPositions(options.keys, options.seed)
    this.ring = buildRing(this.nodes, this.vnodes, this.seed)
    this.owners = ringOwners(this.ring, this.keys)
    this.loop = new EventLoop((action) => this.apply(action))
    for (const { at, action } of options.script ?? []) this.loop.at(at, action, EXTERNAL_ACTION)
    this.loop.pin(
      (options.replay ?? []).map(({ at, steps, action }) => ({ steps, time: at, event: action })),
    )
  }

  get now(): number {
    return this.loop.now
  }
  /** Keys per node, in the order of `nodes`. */
  get loads(): number[] {
    return loads(this.nodes, this.owners)
  }
  /** The id the next node to join gets, or undefined when the ring is full. */
  get nextNode(): number | undefined {
    return this.nodes.length < MAX_NODES ? this.nextId : undefined
  }
  step(): boolean {
    return this.loop.step()
  }
  advanceTo(time: number): void {
    this.loop.advanceTo(time)
  }
  act(action: HashRingAction): void {
    this.actions.push({ at: this.now, steps: this.loop.processed, action })
    this.apply(action)
  }

  private note(text: string): void {
    this.log.push({ time: this.now, text })
  }

  /** Rebuilds the ring for new nodes or virtual nodes; returns what moved. */
  private change(nodes: number[], vnodes: number): RingChange {
    const before = this.owners
    const modBefore = modOwners(this.nodes, this.keys)
    this.nodes = nodes
    this.vnodes = vnodes
    this.ring = buildRing(nodes, vnodes, this.seed)
    this.owners = ringOwners(this.ring, this.keys)
    const moved = before.flatMap((owner, key) => (owner === this.owners[key] ? [] : [key]))
    const modMoved = countMoved(modBefore, modOwners(nodes, this.keys))
    this.lastChange = { moved, modMoved }
    return this.lastChange
  }

  private apply(action: HashRingAction): void {
    const total = this.keys.length
    const count = this.nodes.length
    switch (action.type) {
      case 'add': {
        if (this.nextNode === undefined) return this.note(`环上已有 ${MAX_NODES} 个节点，不能再加`)
        const node = this.nextId++
        const { moved, modMoved } = this.change([...this.nodes, node], this.vnodes)
        return this.note(
          `加入 ${name(node)}：一致性哈希下 ${moved.length} 个键（${percent(moved.length, total)}）改由 ${name(node)} 负责，其余不动；若用 hash mod N（N 从 ${count} 变 ${count + 1}），${modMoved} 个键（${percent(modMoved, total)}）要换节点`,
        )
      }
      case 'remove': {
        if (!this.nodes.includes(action.node)) return
        if (count <= MIN_NODES) return this.note(`环上至少要留 ${MIN_NODES} 个节点`)
        const { moved, modMoved } = this.change(
          this.nodes.filter((node) => node !== action.node),
          this.vnodes,
        )
        return this.note(
          `移除 ${name(action.node)}：只有它负责的 ${moved.length} 个键（${percent(moved.length, total)}）移动，各自交给顺时针方向的下一个节点；若用 hash mod N（N 从 ${count} 变 ${count - 1}），${modMoved} 个键（${percent(modMoved, total)}）要换节点`,
        )
      }
      case 'vnodes': {
        if (action.count === this.vnodes || action.count < 1 || action.count > MAX_VNODES) return
        const { moved } = this.change(this.nodes, action.count)
        const load = this.loads
        return this.note(
          `每个节点改用 ${action.count} 个虚拟节点：${moved.length} 个键换了节点；负载最重的节点 ${Math.max(...load)} 个键，最轻的 ${Math.min(...load)} 个（平均 ${(total / count).toFixed(1)} 个）`,
        )
      }
    }
  }
}

/**
 * Consistent hashing with virtual nodes (Karger et al., STOC 1997; the virtual nodes of
 * Dynamo, SOSP 2007), and hash mod N to compare with: pure functions on a 32-bit ring.
 */

export const MIN_NODES = 2
export const MAX_NODES = 8
export const MAX_VNODES = 64
export const MIN_KEYS = 10
export const MAX_KEYS = 200
/** Positions on the ring are 32-bit unsigned integers: the ring has 2^32 of them. */
export const RING_SIZE = 2 ** 32

export const nodeName = (id: number) => `N${id + 1}`

/**
 * A 32-bit hash of a name under a seed: FNV-1a over the UTF-16 code units, finished with
 * MurmurHash3's fmix32 so nearby names land far apart. Deterministic on every machine.
 */
export function hash32(text: string, seed: number): number {
  let h = (0x811c9dc5 ^ Math.imul(seed >>> 0, 0x9e3779b1)) >>> 0
  for (let i = 0; i < text.length; i++) {
    h ^= text.charCodeAt(i)
    h = Math.imul(h, 0x01000193)
  }
  h ^= h >>> 16
  h = Math.imul(h, 0x85ebca6b)
  h ^= h >>> 13
  h = Math.imul(h, 0xc2b2ae35)
  h ^= h >>> 16
  return h >>> 0
}

/** One virtual node: replica `replica` of node `node`, at `position` on the ring. */
export interface RingPoint {
  position: number
  node: number
  replica: number
}

/** Every node's virtual nodes, sorted by position (ties, which are rare, by node). */
export function buildRing(nodes: readonly number[], vnodes: number, seed: number): RingPoint[] {
  const points: RingPoint[] = []
  for (const node of nodes)
    for (let replica = 0; replica < vnodes; replica++)
      points.push({ position: hash32(`${nodeName(node)}#${replica}`, seed), node, replica })
  return points.sort((a, b) => a.position - b.position || a.node - b.node)
}

/** The node owning a position: the first virtual node clockwise from it (at or after it). */
export function ownerOf(ring: readonly RingPoint[], position: number): number {
  if (ring.length === 0) throw new Error('a ring without nodes owns nothing')
  let low = 0
  let high = ring.length
  while (low < high) {
    const middle = (low + high) >> 1
    if (ring[middle]!.position < position) low = middle + 1
    else high = middle
  }
  return ring[low % ring.length]!.node
}

/** Where the keys `key-1` … `key-count` land on the ring under a seed. */
export function keyPositions(count: number, seed: number): number[] {
  return Array.from({ length: count }, (_, index) => hash32(`key-${index + 1}`, seed))
}

/** The owner of each key on a ring. */
export function ringOwners(ring: readonly RingPoint[], keys: readonly number[]): number[] {
  return keys.map((key) => ownerOf(ring, key))
}

/** The owner of each key under hash mod N: node number `hash mod N` in the list of nodes. */
export function modOwners(nodes: readonly number[], keys: readonly number[]): number[] {
  return keys.map((key) => nodes[key % nodes.length]!)
}

/** How many keys have a different owner in `after` than in `before`. */
export function countMoved(before: readonly number[], after: readonly number[]): number {
  return before.reduce((moved, owner, index) => moved + (owner === after[index] ? 0 : 1), 0)
}

/** The share of the ring each node owns (the arcs ending at its virtual nodes), by node. */
export function ringShares(ring: readonly RingPoint[]): Map<number, number> {
  const shares = new Map<number, number>()
  ring.forEach((point, index) => {
    const previous = index === 0 ? ring.at(-1)!.position - RING_SIZE : ring[index - 1]!.position
    const arc = ring.length === 1 ? RING_SIZE : point.position - previous
    shares.set(point.node, (shares.get(point.node) ?? 0) + arc / RING_SIZE)
  })
  return shares
}

/** Keys per node, in the order of `nodes`. */
export function loads(nodes: readonly number[], owners: readonly number[]): number[] {
  return nodes.map((node) => owners.filter((owner) => owner === node).length)
}

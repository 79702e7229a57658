/**
 * A seeded random source for simulation cores: the same seed gives the same sequence on every
 * machine and every run, so a simulation is replayable. (Math.random is never used by a core.)
 *
 * The generator is SFC32 (Chris Doty-Humphrey's Small Fast Counting generator, public domain),
 * its 128-bit state filled from the seed by SplitMix32. It passes the usual statistical test
 * batteries and needs only 32-bit integer arithmetic.
 */
export interface Random {
  /** A float in [0, 1). */
  next(): number
  /** A float in [min, max). */
  between(min: number, max: number): number
  /** An integer in [min, max], both ends included. */
  int(min: number, max: number): number
  /** True with probability `p`. */
  chance(p: number): boolean
  /** One element of a non-empty array. */
  pick<T>(items: readonly T[]): T
}

/** SplitMix32: spreads one 32-bit seed into well-mixed words. */
function splitMix32(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x9e3779b9) >>> 0
    let z = state
    z = Math.imul(z ^ (z >>> 16), 0x85ebca6b)
    z = Math.imul(z ^ (z >>> 13), 0xc2b2ae35)
    return (z ^ (z >>> 16)) >>> 0
  }
}

export function createRandom(seed: number): Random {
  if (!Number.isSafeInteger(seed)) throw new Error(`seed must be an integer, got ${seed}`)
  const mix = splitMix32(seed)
  let a = mix()
  let b = mix()
  let c = mix()
  let d = mix()
  const nextUint32 = () => {
    const t = (((a + b) >>> 0) + d) >>> 0
    d = (d + 1) >>> 0
    a = b ^ (b >>> 9)
    b = (c + (c << 3)) >>> 0
    c = ((c << 21) | (c >>> 11)) >>> 0
    c = (c + t) >>> 0
    return t
  }
  // Discard the first outputs, as SFC32's authors recommend, so nearby seeds diverge at once.
  for (let i = 0; i < 12; i++) nextUint32()

  const next = () => nextUint32() / 4294967296
  return {
    next,
    between: (min, max) => min + next() * (max - min),
    int: (min, max) => min + Math.floor(next() * (max - min + 1)),
    chance: (p) => next() < p,
    pick: (items) => {
      if (items.length === 0) throw new Error('pick from an empty array')
      return items[Math.floor(next() * items.length)]!
    },
  }
}

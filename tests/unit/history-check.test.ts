import { describe, expect, it } from 'vitest'
import { checkHistory } from '@/lib/sim/history/check'
import { linearizationPoints } from '@/lib/sim/history/points'
import { historyPresets } from '@/lib/sim/history/presets'
import { type HistoryOp, INITIAL_VALUE } from '@/lib/sim/history/types'
import { historyProblems } from '@/lib/sim/history/validate'
import { createRandom } from '@/lib/sim/random'

const w = (client: string, value: number, invoke: number, ret: number | null): HistoryOp => ({
  client,
  kind: 'write',
  value,
  invoke,
  return: ret,
})
const r = (client: string, value: number, invoke: number, ret: number): HistoryOp => ({
  client,
  kind: 'read',
  value,
  invoke,
  return: ret,
})

/** Real-time order, written here again so the tests do not trust the checker's own. */
const returnedBefore = (a: HistoryOp, b: HistoryOp) => a.return !== null && a.return < b.invoke

/** Checks an order independently of the search: real time respected, every read sees the last write. */
function isValidLinearization(ops: readonly HistoryOp[], order: readonly number[]): boolean {
  if (new Set(order).size !== order.length) return false
  const placed = new Set(order)
  if (ops.some((op, i) => op.return !== null && !placed.has(i))) return false
  let state = INITIAL_VALUE
  for (let k = 0; k < order.length; k++) {
    const op = ops[order[k]!]!
    for (const later of order.slice(k + 1)) if (returnedBefore(ops[later]!, op)) return false
    if (op.kind === 'write') state = op.value
    else if (op.value !== state) return false
  }
  return true
}

/** The definition, by brute force: some order of the completed ops (plus any timed-out writes) works. */
function bruteForce(ops: readonly HistoryOp[]): boolean {
  const indexes = ops.map((_, i) => i)
  const pending = indexes.filter((i) => ops[i]!.return === null)
  for (let mask = 0; mask < 1 << pending.length; mask++) {
    const chosen = indexes.filter(
      (i) => ops[i]!.return !== null || mask & (1 << pending.indexOf(i)),
    )
    if (permutations(chosen).some((order) => isValidLinearization(ops, order))) return true
  }
  return false
}

function permutations(items: number[]): number[][] {
  if (items.length <= 1) return [items]
  return items.flatMap((item, i) =>
    permutations([...items.slice(0, i), ...items.slice(i + 1)]).map((rest) => [item, ...rest]),
  )
}

/** A random history of up to `size` ops by three clients on a few values, times 0–40. */
function randomHistory(seed: number, size: number): HistoryOp[] {
  const random = createRandom(seed)
  const ops: HistoryOp[] = []
  for (const client of ['C1', 'C2', 'C3']) {
    let time = random.int(0, 5)
    const count = random.int(0, Math.ceil(size / 3))
    for (let k = 0; k < count && ops.length < size; k++) {
      const invoke = time
      const ret = invoke + random.int(1, 12)
      const value = random.int(0, 2)
      ops.push(random.chance(0.5) ? w(client, value, invoke, ret) : r(client, value, invoke, ret))
      time = ret + random.int(1, 6)
    }
  }
  return ops
}

/** A history of a truly atomic register: each op takes effect at a random instant inside its interval. */
function atomicHistory(seed: number): HistoryOp[] {
  const random = createRandom(seed)
  const ops: HistoryOp[] = []
  const effects: { at: number; op: HistoryOp }[] = []
  for (const client of ['C1', 'C2', 'C3']) {
    let time = random.int(0, 5)
    for (let k = 0; k < 4; k++) {
      const invoke = time
      const ret = invoke + random.int(2, 20)
      const timedOut = k === 3 && random.chance(0.3)
      const write = timedOut || random.chance(0.5)
      const op = write
        ? w(client, random.int(1, 9), invoke, timedOut ? null : ret)
        : r(client, 0, invoke, ret)
      ops.push(op)
      // A timed-out write takes effect inside its interval or never.
      if (!timedOut || random.chance(0.5))
        effects.push({ at: invoke + random.next() * (ret - invoke), op })
      time = ret + random.int(1, 5)
    }
  }
  let state = INITIAL_VALUE
  for (const { op } of effects.sort((a, b) => a.at - b.at)) {
    if (op.kind === 'write') state = op.value
    else op.value = state
  }
  return ops
}

describe('checkHistory: the histories of lecture 4', () => {
  it.each([
    ['concurrent-writes', true],
    ['stale-read', false],
    ['split-reads', false],
    ['read-during-write', true],
    ['time-reversal', false],
    ['timed-out-write', true],
  ] as const)('%s is linearizable: %s', (name, expected) => {
    const ops = historyPresets[name].ops
    const result = checkHistory(ops)
    expect(result.linearizable).toBe(expected)
    if (result.linearizable) expect(isValidLinearization(ops, result.order)).toBe(true)
  })

  it('H1 puts the write of 2 before the write of 1, although the write of 1 was called first', () => {
    const result = checkHistory(historyPresets['concurrent-writes'].ops)
    expect(result).toEqual({ linearizable: true, order: [1, 0, 2, 3] })
  })

  it('concurrent writes: either order is valid, and the reads decide which one is found', () => {
    const ops = [w('C1', 1, 0, 10), w('C2', 2, 5, 15), r('C3', 2, 20, 25), r('C3', 2, 30, 35)]
    expect(checkHistory(ops)).toEqual({ linearizable: true, order: [0, 1, 2, 3] })
  })

  it('H2 (stale read): the longest prefix is the write and the new read; the old read cannot follow', () => {
    const result = checkHistory(historyPresets['stale-read'].ops)
    expect(result).toEqual({
      linearizable: false,
      prefix: [0, 1],
      state: 1,
      stuck: 2,
      reason: '读到 0，但此时寄存器只能是 1',
    })
  })

  it('H3: after both writes, one read is placed and the other is stuck', () => {
    const result = checkHistory(historyPresets['split-reads'].ops)
    expect(result.linearizable).toBe(false)
    if (result.linearizable) return
    expect(result.prefix).toHaveLength(3)
    expect(result.reason).toMatch(/^读到 [12]，但此时寄存器只能是 [12]$/)
  })

  it('H6 with a read of 0: the timed-out write may never have taken effect', () => {
    const result = checkHistory([w('C1', 1, 0, null), r('C2', 0, 50, 60)])
    expect(result).toEqual({ linearizable: true, order: [1] })
  })

  it('a read of a value nobody wrote is stuck at once', () => {
    expect(checkHistory([w('C1', 1, 0, 10), r('C2', 7, 2, 5)])).toMatchObject({
      linearizable: false,
      stuck: 1,
      reason: '读到 7，但此时寄存器只能是 1',
    })
  })

  it('an operation that returns at the instant another is called is concurrent with it', () => {
    expect(checkHistory([r('C1', 1, 0, 10), w('C2', 1, 10, 20)]).linearizable).toBe(true)
    expect(checkHistory([r('C1', 1, 0, 10), w('C2', 1, 11, 20)]).linearizable).toBe(false)
  })
})

describe("the answers of lecture 4's exercise “用检查器修好 H2”", () => {
  const h2 = (c3Invoke: number, extra: HistoryOp[] = []) => [
    w('C1', 1, 0, 30),
    r('C2', 1, 5, 10),
    r('C3', 0, c3Invoke, c3Invoke + 5),
    ...extra,
  ]

  it('C3 may be called as late as 10 (a return at the instant of a call overlaps it), not 11', () => {
    expect(checkHistory(h2(10))).toEqual({ linearizable: true, order: [2, 0, 1] })
    expect(checkHistory(h2(11))).toMatchObject({
      linearizable: false,
      reason: '读到 0，但此时寄存器只能是 1',
    })
  })

  it('a write of 0 that returns at 5 or later and is called at 20 or earlier makes H2 linearizable', () => {
    for (const [invoke, ret] of [
      [11, 14],
      [0, 5],
      [20, 25],
    ] as const)
      expect(checkHistory(h2(15, [w('C4', 0, invoke, ret)]))).toEqual({
        linearizable: true,
        order: [0, 1, 3, 2],
      })
    for (const [invoke, ret] of [
      [0, 4],
      [21, 25],
    ] as const)
      expect(checkHistory(h2(15, [w('C4', 0, invoke, ret)])).linearizable).toBe(false)
  })
})

describe('checkHistory against the definition', () => {
  it('agrees with a brute-force search over every order on 400 random histories', () => {
    let yes = 0
    for (let seed = 1; seed <= 400; seed++) {
      const ops = randomHistory(seed, 7)
      const result = checkHistory(ops)
      expect(result.linearizable, `seed ${seed}`).toBe(bruteForce(ops))
      if (result.linearizable) {
        yes++
        expect(isValidLinearization(ops, result.order), `seed ${seed}`).toBe(true)
      }
    }
    // Both answers occur often enough for the comparison to mean something.
    expect(yes).toBeGreaterThan(40)
    expect(yes).toBeLessThan(360)
  })

  it('finds a valid linearization for 300 histories of a truly atomic register', () => {
    for (let seed = 1; seed <= 300; seed++) {
      const ops = atomicHistory(seed)
      const result = checkHistory(ops)
      expect(result.linearizable, `seed ${seed}`).toBe(true)
      if (result.linearizable) expect(isValidLinearization(ops, result.order)).toBe(true)
    }
  })
})

describe('linearizationPoints', () => {
  it('puts one increasing point inside each interval', () => {
    for (const preset of Object.values(historyPresets)) {
      const result = checkHistory(preset.ops)
      if (!result.linearizable) continue
      const points = linearizationPoints(preset.ops, result.order)
      let previous = -Infinity
      for (const index of result.order) {
        const op = preset.ops[index]!
        const point = points.get(index)!
        expect(point).toBeGreaterThanOrEqual(op.invoke)
        expect(point).toBeLessThanOrEqual(op.return ?? Infinity)
        expect(point).toBeGreaterThan(previous)
        previous = point
      }
    }
  })
})

describe('historyProblems', () => {
  it('accepts every preset', () => {
    for (const preset of Object.values(historyPresets))
      expect(historyProblems(preset.ops)).toEqual([])
  })

  it('names each problem and what is allowed', () => {
    const en = (ops: HistoryOp[]) => historyProblems(ops).map((problem) => problem.en)
    expect(en([])).toEqual(['the history has no operations; give at least one'])
    expect(en([w('C1', 1, 10, 5)])).toEqual([
      'operation 1 (C1): return (5) must be later than invoke (10)',
    ])
    expect(en([{ ...r('C1', 1, 0, 5), return: null }])).toEqual([
      'operation 1 (C1): a read must return (only a write may time out, return: null)',
    ])
    expect(en([w('C1', 1, 0, 10), r('C1', 1, 5, 15)])[0]).toMatch(
      /^operations 1 and 2 overlap, but both are C1's/,
    )
  })
})

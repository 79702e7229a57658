import { describe, expect, it } from 'vitest'
import { createRandom } from '@/lib/sim/random'
import { EventLoop, EventQueue, EXTERNAL_ACTION, SYSTEM_EVENT } from '@/lib/sim/event-loop'
import { formatSimTime } from '@/lib/sim/simulation'

describe('seeded random source', () => {
  it('gives the same sequence for the same seed, and another for another seed', () => {
    const draw = (seed: number) => {
      const random = createRandom(seed)
      return Array.from({ length: 20 }, () => random.next())
    }
    expect(draw(42)).toEqual(draw(42))
    expect(draw(42)).not.toEqual(draw(43))
    // Neighbouring seeds must not start alike.
    expect(draw(1)[0]).not.toBeCloseTo(draw(2)[0]!, 2)
  })

  it('stays in range and covers it evenly', () => {
    const random = createRandom(7)
    const counts = [0, 0, 0, 0, 0, 0]
    let sum = 0
    let outside = 0
    for (let i = 0; i < 60_000; i++) {
      const value = random.next()
      if (value < 0 || value >= 1) outside++
      sum += value
      counts[random.int(0, 5)]!++
    }
    expect(outside).toBe(0)
    expect(sum / 60_000).toBeGreaterThan(0.49)
    expect(sum / 60_000).toBeLessThan(0.51)
    // Each face of the die within 5% of its expected 10,000.
    for (const count of counts) expect(Math.abs(count - 10_000)).toBeLessThan(500)
    const between = random.between(150, 300)
    expect(between).toBeGreaterThanOrEqual(150)
    expect(between).toBeLessThan(300)
  })

  it('refuses a seed that is not an integer', () => {
    expect(() => createRandom(1.5)).toThrow(/integer/)
  })
})

describe('event queue', () => {
  it('pops events by time, then system events before actions, then in scheduling order', () => {
    const queue = new EventQueue<string>()
    queue.push(5, 'action at 5', EXTERNAL_ACTION)
    queue.push(5, 'first at 5', SYSTEM_EVENT)
    queue.push(1, 'at 1')
    queue.push(5, 'second at 5')
    queue.push(3, 'at 3')
    const order: string[] = []
    for (let next = queue.pop(); next; next = queue.pop()) order.push(next.event)
    expect(order).toEqual(['at 1', 'at 3', 'first at 5', 'second at 5', 'action at 5'])
  })

  it('agrees with a sort on thousands of random events', () => {
    const random = createRandom(3)
    const queue = new EventQueue<number>()
    const times: number[] = []
    for (let i = 0; i < 5000; i++) {
      const time = random.int(0, 400)
      times.push(time)
      queue.push(time, i)
      // Interleave pops, as a running simulation does.
      if (i % 7 === 0) {
        const popped = queue.pop()!
        times.splice(times.indexOf(popped.time), 1)
        expect(popped.time).toBe(Math.min(popped.time, ...times))
      }
    }
    const rest: number[] = []
    for (let next = queue.pop(); next; next = queue.pop()) rest.push(next.time)
    expect(rest).toEqual([...times].sort((a, b) => a - b))
  })

  it('refuses a time that is not finite', () => {
    expect(() => new EventQueue().push(Number.NaN, 'x')).toThrow(/finite/)
  })
})

describe('event loop', () => {
  it('steps one event at a time and advances the clock to a time', () => {
    const seen: string[] = []
    const loop: EventLoop<string> = new EventLoop((event, time) => {
      seen.push(`${event}@${time}`)
      if (event === 'ping') loop.after(10, 'pong')
    })
    loop.at(5, 'ping')
    loop.at(40, 'late')
    expect(loop.step()).toBe(true)
    expect(loop.now).toBe(5)
    loop.advanceTo(20)
    expect(seen).toEqual(['ping@5', 'pong@15'])
    expect(loop.now).toBe(20)
    expect(loop.nextTime()).toBe(40)
    loop.advanceTo(100)
    expect(loop.step()).toBe(false)
    expect(seen.at(-1)).toBe('late@40')
    expect(loop.now).toBe(100)
  })

  it('handles a pinned event after exactly its number of processed events, before later ones', () => {
    const seen: string[] = []
    const loop = new EventLoop<string>((event, time) => seen.push(`${event}@${time}`))
    loop.at(5, 'a')
    loop.at(5, 'b')
    loop.at(9, 'c')
    // The reader acted after stepping onto "a", while "b" was still pending at 5 ms.
    loop.pin([{ steps: 1, time: 5, event: 'reader' }])
    loop.advanceTo(20)
    expect(seen).toEqual(['a@5', 'reader@5', 'b@5', 'c@9'])
    expect(loop.processed).toBe(3)
  })

  it('handles a pinned event at its own time when the clock is advanced past it in slices', () => {
    const seen: string[] = []
    const loop = new EventLoop<string>((event, time) => seen.push(`${event}@${time}`))
    loop.at(5, 'a')
    loop.at(9, 'c')
    loop.pin([{ steps: 1, time: 6, event: 'reader' }])
    loop.advanceTo(7)
    expect(seen).toEqual(['a@5', 'reader@6'])
    loop.advanceTo(20)
    expect(seen).toEqual(['a@5', 'reader@6', 'c@9'])
  })

  it('never schedules into the past', () => {
    const loop = new EventLoop<string>(() => undefined)
    loop.advanceTo(50)
    loop.at(10, 'old')
    expect(loop.nextTime()).toBe(50)
  })
})

it('formats simulated time in seconds', () => {
  expect(formatSimTime(1234)).toBe('1.234 秒')
  expect(formatSimTime(0)).toBe('0.000 秒')
})

import { type KeyboardEvent, useCallback, useEffect, useState, useSyncExternalStore } from 'react'
import type { RecordedAction, TimedSimulation } from '@/lib/sim/simulation'
import type { Speed } from './sim-toolbar'

/**
 * The player every time-driven simulation shares: it owns the core, runs its clock while
 * playing, and turns the reader's buttons and keys into calls on the core. Browser-only (it is
 * imported by the lazily loaded live components, never by a server component).
 *
 * Playing advances simulated time smoothly, `simMsPerSecond × speed` per real second. With
 * `prefers-reduced-motion: reduce` nothing glides: playing processes one event per
 * `REDUCED_STEP_MS / speed`, and the picture changes only in steps.
 */

const REDUCED_STEP_MS = 900
/** Longest real-time slice one animation frame may simulate (a background tab does not leap). */
const MAX_FRAME_MS = 100

const reducedMotionQuery = '(prefers-reduced-motion: reduce)'
function subscribeReducedMotion(onChange: () => void) {
  const query = window.matchMedia(reducedMotionQuery)
  query.addEventListener('change', onChange)
  return () => query.removeEventListener('change', onChange)
}
export function usePrefersReducedMotion(): boolean {
  return useSyncExternalStore(
    subscribeReducedMotion,
    () => window.matchMedia(reducedMotionQuery).matches,
    () => false,
  )
}

interface PlayerOptions<A, S extends TimedSimulation<A>> {
  /** Builds the core at its start state from a seed, with a reader's earlier actions to replay. */
  create(seed: number, replay: readonly RecordedAction<A>[]): S
  /** The seed the simulation starts with (the reader may type another). */
  seed: number
  /** Simulated milliseconds per real second at speed 1×. */
  simMsPerSecond: number
  autoPlay: boolean
}

export interface SimPlayer<A, S extends TimedSimulation<A>> {
  sim: S
  seed: number
  playing: boolean
  speed: Speed
  reducedMotion: boolean
  announcement: string
  togglePlay(): void
  step(): void
  act(action: A): void
  setSpeed(speed: Speed): void
  reset(): void
  replay(): void
  /** Starts over from another seed. */
  setSeed(seed: number): void
  /** For the simulation's box: space plays or pauses, → steps (unless a control has the key). */
  onKeyDown(event: KeyboardEvent<HTMLElement>): void
}

/** What the reader hears after acting: the log entries the action produced. */
function newEntries<A>(sim: TimedSimulation<A>, from: number, fallback: string): string {
  const texts = sim.log.slice(from).map((entry) => entry.text)
  return texts.length > 0 ? texts.join('；') : fallback
}

export function useSimPlayer<A, S extends TimedSimulation<A>>({
  create,
  seed: initialSeed,
  simMsPerSecond,
  autoPlay,
}: PlayerOptions<A, S>): SimPlayer<A, S> {
  const [seed, setSeedState] = useState(initialSeed)
  const [sim, setSim] = useState(() => create(initialSeed, []))
  const [, setFrame] = useState(0)
  const [playing, setPlaying] = useState(autoPlay)
  const [speed, setSpeed] = useState<Speed>(1)
  const [announcement, setAnnouncement] = useState('')
  const reducedMotion = usePrefersReducedMotion()
  const redraw = useCallback(() => setFrame((frame) => frame + 1), [])
  const announce = useCallback(
    (text: string) => setAnnouncement((previous) => (previous === text ? `${text}\u200b` : text)),
    [],
  )

  useEffect(() => {
    if (!playing) return
    if (reducedMotion) {
      const timer = window.setInterval(() => {
        sim.step()
        redraw()
      }, REDUCED_STEP_MS / speed)
      return () => window.clearInterval(timer)
    }
    let last = performance.now()
    let frame = requestAnimationFrame(function tick(now) {
      const elapsed = Math.min(now - last, MAX_FRAME_MS)
      last = now
      sim.advanceTo(sim.now + (elapsed / 1000) * simMsPerSecond * speed)
      redraw()
      frame = requestAnimationFrame(tick)
    })
    return () => cancelAnimationFrame(frame)
  }, [playing, reducedMotion, speed, sim, simMsPerSecond, redraw])

  const togglePlay = useCallback(() => {
    announce(playing ? '已暂停' : '播放中')
    setPlaying(!playing)
  }, [playing, announce])

  const step = useCallback(() => {
    setPlaying(false)
    const from = sim.log.length
    const stepped = sim.step()
    announce(stepped ? newEntries(sim, from, '无事发生') : '没有待处理的事件')
    redraw()
  }, [sim, announce, redraw])

  const act = useCallback(
    (action: A) => {
      const from = sim.log.length
      sim.act(action)
      announce(newEntries(sim, from, '已执行'))
      redraw()
    },
    [sim, announce, redraw],
  )

  const reset = useCallback(() => {
    setSim(create(seed, []))
    setPlaying(false)
    announce(`已回到开始状态（种子 ${seed}）`)
  }, [create, seed, announce])

  const replay = useCallback(() => {
    setSim(create(seed, sim.actions.slice()))
    setPlaying(true)
    announce(`从头重放：种子 ${seed}，你的 ${sim.actions.length} 个操作`)
  }, [create, seed, sim, announce])

  const setSeed = useCallback(
    (next: number) => {
      setSeedState(next)
      setSim(create(next, []))
      setPlaying(false)
      announce(`已换用种子 ${next}，回到开始状态`)
    },
    [create, announce],
  )

  const onKeyDown = useCallback(
    (event: KeyboardEvent<HTMLElement>) => {
      if (event.altKey || event.ctrlKey || event.metaKey) return
      const target = event.target as Element
      if (event.key === ' ' && !target.closest('button, a, input, select, textarea, summary')) {
        event.preventDefault()
        togglePlay()
      } else if (event.key === 'ArrowRight' && !target.closest('input, select, textarea')) {
        event.preventDefault()
        step()
      }
    },
    [togglePlay, step],
  )

  return {
    sim,
    seed,
    playing,
    speed,
    reducedMotion,
    announcement,
    togglePlay,
    step,
    act,
    setSpeed,
    reset,
    replay,
    setSeed,
    onKeyDown,
  }
}

/** Keeps a scrolling list at its end as entries arrive (the event log). */
export function useScrollToEnd(ref: { current: HTMLElement | null }, length: number): void {
  useEffect(() => {
    const element = ref.current
    if (element) element.scrollTop = element.scrollHeight
  }, [ref, length])
}

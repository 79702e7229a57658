'use client'

import {
  type ComponentProps,
  type ComponentType,
  type MouseEvent,
  type ReactNode,
  useCallback,
  useEffect,
  useRef,
  useState,
} from 'react'

/** What the shell passes to every interactive simulation, besides its own props. */
export interface LiveSimProps {
  /** The reader pressed play on the static picture: start playing at once. */
  autoPlay: boolean
  /** Focus was on the static picture: move it to the live play button. */
  autoFocus: boolean
}

/**
 * The interactive half of each simulation, loaded only when its figure nears the viewport or
 * the reader presses play. Each entry is a dynamic import, so the bundler gives every
 * simulation its own chunk and this file stays a few hundred bytes. Add a simulation here.
 */
const liveModules = {
  raft: () => import('./raft/raft-live'),
  mapreduce: () => import('./mapreduce/mapreduce-live'),
  hashring: () => import('./hashring/hashring-live'),
  history: () => import('./history/history-live'),
}

export type SimKind = keyof typeof liveModules
type LiveComponent<K extends SimKind> = Awaited<ReturnType<(typeof liveModules)[K]>>['default']
/** The props a simulation of kind K takes from its MDX component (serialisable values only). */
export type SimPropsOf<K extends SimKind> = Omit<
  ComponentProps<LiveComponent<K>>,
  keyof LiveSimProps
>

interface SimLoaderProps<K extends SimKind> {
  kind: K
  props: SimPropsOf<K>
  /** The static picture of the start state, drawn at build time. */
  children: ReactNode
}

/**
 * Shows the static picture until the simulation's code is needed, then swaps in the live
 * simulation, which draws the same start state in the same box. The static picture stays in
 * the page, hidden, so the simulation prints as its start state.
 */
export function SimLoader<K extends SimKind>({ kind, props, children }: SimLoaderProps<K>) {
  const root = useRef<HTMLDivElement>(null)
  const [start, setStart] = useState<LiveSimProps>({ autoPlay: false, autoFocus: false })
  const [Live, setLive] = useState<ComponentType<LiveSimProps> | null>(null)
  const [failed, setFailed] = useState(false)
  const loading = useRef(false)

  const load = useCallback(() => {
    if (loading.current) return
    loading.current = true
    setFailed(false)
    liveModules[kind]()
      .then((module: { default: ComponentType<never> }) => {
        const focused = !!root.current?.contains(document.activeElement)
        setStart((start) => (focused ? { ...start, autoFocus: true } : start))
        setLive(() => module.default as ComponentType<LiveSimProps>)
      })
      .catch(() => {
        loading.current = false
        setFailed(true)
      })
  }, [kind])

  useEffect(() => {
    const element = root.current
    if (!element) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          observer.disconnect()
          load()
        }
      },
      { rootMargin: '100% 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [load])

  // The static picture's play button: a real button drawn at build time, heard here.
  const onClick = (event: MouseEvent<HTMLDivElement>) => {
    if (Live || !(event.target as Element).closest('[data-sim-play]')) return
    setStart({ autoPlay: true, autoFocus: true })
    load()
  }

  return (
    <div ref={root} className="sim-loader" data-state={Live ? 'live' : 'static'} onClick={onClick}>
      <div className="sim-static">{children}</div>
      {Live && (
        <div className="sim-live">
          <Live {...(props as object)} {...start} />
        </div>
      )}
      {failed && (
        <p role="alert" className="sim-error">
          模拟的代码没能加载（网络中断？）。
          <button type="button" className="sim-button" onClick={load}>
            重试
          </button>
        </p>
      )}
    </div>
  )
}

import type { ReactNode } from 'react'
import { SimLoader, type SimKind, type SimPropsOf } from './sim-loader'

interface SimFrameProps<K extends SimKind> {
  kind: K
  /** The props the live simulation receives: plain, serialisable values. */
  props: SimPropsOf<K>
  /** What the reader is looking at, e.g. "Raft：选票瓜分". */
  title: string
  /** What to watch for. */
  caption: ReactNode
  /** The static picture of the start state (a SimLayout without handlers). */
  children: ReactNode
}

/**
 * A simulation in a lecture (server component): the figure with its caption, the static
 * picture drawn at build time, and the loader that swaps in the live simulation when the reader
 * comes near it or presses play. Pages without a simulation never reference the live code.
 */
export function SimFrame<K extends SimKind>({
  kind,
  props,
  title,
  caption,
  children,
}: SimFrameProps<K>) {
  return (
    <figure className="sim not-prose" data-sim={kind}>
      <SimLoader kind={kind} props={props}>
        {children}
      </SimLoader>
      <p className="sim-nojs">打开浏览器的 JavaScript 后，可以播放、单步并亲手制造故障。</p>
      <figcaption className="sim-caption">
        <span className="sim-title">{title}</span>
        {caption}
      </figcaption>
    </figure>
  )
}

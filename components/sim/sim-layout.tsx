import type { KeyboardEventHandler, ReactNode, Ref } from 'react'

interface SimLayoutProps {
  /** What the simulation is, e.g. "Raft 模拟：选票瓜分"; names the group for screen readers. */
  label: string
  toolbar: ReactNode
  /** The picture (an SVG and anything drawn with it). */
  stage: ReactNode
  log: ReactNode
  /** The simulation's own controls (faults, commands), under the picture. */
  panel?: ReactNode
  /** Live only: the picture takes focus, and space or → act on it. */
  focusable?: boolean
  /** Live only: how playing moves the picture (`steps` under prefers-reduced-motion). */
  motion?: 'smooth' | 'steps'
  boxRef?: Ref<HTMLDivElement>
  onKeyDown?: KeyboardEventHandler<HTMLDivElement>
}

/**
 * The box every simulation is drawn in, the same for its static picture (at build time, in
 * a server component) and its live version (in the browser), so nothing moves when the code
 * arrives: toolbar, then the picture with the event log beside it (below it on a phone), then
 * the simulation's own controls.
 */
export function SimLayout({
  label,
  toolbar,
  stage,
  log,
  panel,
  focusable,
  motion,
  boxRef,
  onKeyDown,
}: SimLayoutProps) {
  return (
    <div
      className="sim-box"
      role="group"
      aria-label={label}
      data-motion={motion}
      ref={boxRef}
      onKeyDown={onKeyDown}
    >
      {toolbar}
      <div className="sim-main">
        <div
          className="sim-stage"
          {...(focusable
            ? {
                tabIndex: 0,
                role: 'group',
                'aria-label': '模拟画面：空格键播放或暂停，右方向键单步',
              }
            : {})}
        >
          {stage}
        </div>
        {log}
      </div>
      {panel}
    </div>
  )
}

import type { ReactNode } from 'react'
import { SimFrame } from './sim-frame'
import type { SimKind, SimPropsOf } from './sim-loader'
import { SimLayout } from './sim-layout'
import { SimLog } from './sim-log'
import { SimToolbar } from './sim-toolbar'

interface StaticSimProps<K extends SimKind> {
  kind: K
  /** The props the live simulation receives: plain, serialisable values. */
  props: SimPropsOf<K>
  title: string
  caption: ReactNode
  seed: number
  /** The start state's picture and controls, drawn without handlers. */
  stage: ReactNode
  panel?: ReactNode
}

/**
 * What every simulation's MDX component renders at build time (a server component): its start
 * state in the shared frame and box, with the toolbar at time 0 and an empty event log, so the
 * live version that replaces it draws the same box.
 */
export function StaticSim<K extends SimKind>({
  kind,
  props,
  title,
  caption,
  seed,
  stage,
  panel,
}: StaticSimProps<K>) {
  return (
    <SimFrame kind={kind} props={props} title={title} caption={caption}>
      <SimLayout
        label={title}
        toolbar={<SimToolbar time={0} playing={false} speed={1} seed={seed} />}
        stage={stage}
        log={<SimLog entries={[]} />}
        panel={panel}
      />
    </SimFrame>
  )
}

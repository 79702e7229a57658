import type { Ref } from 'react'
import { formatSimTime, type SimLogEntry } from '@/lib/sim/simulation'

/** How many of the latest entries the log shows; older ones scroll away for good. */
const SHOWN = 120

interface SimLogProps {
  entries: readonly SimLogEntry[]
  /** Said once by screen readers (a polite live region): the result of the reader's last action. */
  announcement?: string
  listRef?: Ref<HTMLOListElement>
}

/**
 * The event log in words, beside the picture: the same story for readers who do not see the
 * animation. Routine entries are left out. Only `announcement` is a live region, so a running
 * simulation does not talk over the reader; it speaks when the reader steps or acts.
 */
export function SimLog({ entries, announcement = '', listRef }: SimLogProps) {
  const shown: { entry: SimLogEntry; index: number }[] = []
  for (let index = entries.length - 1; index >= 0 && shown.length < SHOWN; index--) {
    if (!entries[index]!.minor) shown.push({ entry: entries[index]!, index })
  }
  shown.reverse()
  return (
    <div className="sim-log">
      <p className="sim-log-title" aria-hidden="true">
        事件记录
      </p>
      <ol ref={listRef} className="sim-log-list" tabIndex={0} aria-label="事件记录">
        {shown.map(({ entry, index }) => (
          <li key={index}>
            <span className="sim-log-time">{formatSimTime(entry.time)}</span> {entry.text}
          </li>
        ))}
      </ol>
      <p role="status" className="sr-only">
        {announcement}
      </p>
    </div>
  )
}

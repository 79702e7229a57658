'use client'

import { isTicked, labPartKey, setTicked } from '@/lib/progress/store'
import { CheckIcon } from '../icons'
import { useProgress } from './use-progress'

interface LabPartToggleProps {
  course: string
  lab: string
  part: string
  /** The part as the reader sees it, e.g. 3A, for the button's accessible name. */
  label: string
}

/** "Mark as complete" for one part of a lab; a second press undoes it. */
export function LabPartToggle({ course, lab, part, label }: LabPartToggleProps) {
  const [progress, update] = useProgress()
  const key = labPartKey(lab, part)
  const done = isTicked(progress, course, key)
  return (
    <button
      type="button"
      className="complete-toggle no-print"
      aria-pressed={done}
      aria-label={`${label} ${done ? '已完成' : '标记为已完成'}`}
      onClick={() => update((current) => setTicked(current, course, key, !done))}
      data-lab-part-toggle={part}
    >
      <CheckIcon width={16} height={16} />
      {done ? '已完成' : '标记为已完成'}
    </button>
  )
}

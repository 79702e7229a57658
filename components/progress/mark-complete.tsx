'use client'

import { isComplete, setComplete } from '@/lib/progress/store'
import { CheckIcon } from '../icons'
import { useProgress } from './use-progress'

interface MarkCompleteProps {
  course: string
  lecture: string
  /** `end` is the larger prompt offered when the reader reaches the end of the article. */
  variant?: 'inline' | 'end'
  nextTitle?: string
}

/** "Mark as complete" for one lecture; a second press undoes it. */
export function MarkComplete({
  course,
  lecture,
  variant = 'inline',
  nextTitle,
}: MarkCompleteProps) {
  const [progress, update] = useProgress()
  const done = isComplete(progress, course, lecture)
  const toggle = () => update((current) => setComplete(current, course, lecture, !done))
  if (variant === 'end') {
    return (
      <div
        className="complete-prompt no-print"
        data-complete-prompt
        data-done={done ? '' : undefined}
      >
        <p className="font-semibold">{done ? '本讲已完成 ✓' : '读完了？'}</p>
        <p className="text-sm text-[var(--muted-fg)]">
          {done
            ? nextTitle
              ? `接下来：${nextTitle}`
              : '你已经读到课程的最后一讲。'
            : '标记为已完成，课程首页和目录会记下你的进度。'}
        </p>
        <button
          type="button"
          className={done ? 'button-secondary' : 'button-primary'}
          aria-pressed={done}
          onClick={toggle}
        >
          {done ? '取消完成标记' : '标记为已完成'}
        </button>
      </div>
    )
  }
  return (
    <button
      type="button"
      className="complete-toggle no-print"
      aria-pressed={done}
      onClick={toggle}
      data-complete-toggle
    >
      <CheckIcon width={16} height={16} />
      {done ? '已完成' : '标记为已完成'}
    </button>
  )
}

'use client'

import { useEffect } from 'react'
import { useProgress } from './use-progress'

/**
 * Ticks completed lectures in the server-rendered course menu and course contents: it sets
 * `data-complete` on every `[data-lecture]` link of this course, and `data-next` on the first
 * lecture not yet complete, so the lists stay static HTML.
 */
export function SidebarTicks({ course, order }: { course: string; order: string[] }) {
  const [progress] = useProgress()
  useEffect(() => {
    const completed = progress.courses[course]?.completed ?? {}
    const next = order.find((lecture) => !(lecture in completed))
    for (const link of document.querySelectorAll<HTMLElement>('[data-lecture]')) {
      const lecture = link.dataset.lecture ?? ''
      link.toggleAttribute('data-complete', lecture in completed)
      link.toggleAttribute('data-next', lecture === next)
      const label = link.querySelector('.complete-label')
      if (label) label.textContent = lecture in completed ? '（已完成）' : ''
    }
  }, [progress, course, order])
  return null
}

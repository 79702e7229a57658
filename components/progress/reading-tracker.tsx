'use client'

import { useEffect } from 'react'
import { setLastRead } from '@/lib/progress/store'
import { useProgress } from './use-progress'

/** Remembers the lecture being read and the section in view, for "continue where you left off". */
export function ReadingTracker({ course, lecture }: { course: string; lecture: string }) {
  const [, update] = useProgress()
  useEffect(() => {
    const headings = [...document.querySelectorAll<HTMLElement>('.article h2[id], .article h3[id]')]
    const save = () => {
      let section: string | undefined
      for (const heading of headings) {
        if (heading.getBoundingClientRect().top <= 120) section = heading.id
        else break
      }
      update((current) => setLastRead(current, course, lecture, section))
    }
    save()
    let timer = 0
    const onScroll = () => {
      window.clearTimeout(timer)
      timer = window.setTimeout(save, 600)
    }
    window.addEventListener('scroll', onScroll, { passive: true })
    return () => {
      window.removeEventListener('scroll', onScroll)
      window.clearTimeout(timer)
    }
  }, [course, lecture, update])
  return null
}

'use client'

import { useRouter } from 'next/navigation'
import { useEffect } from 'react'

/** `[` and `]` go to the previous and next lecture; never while typing or with a modifier held. */
export function PagerKeys({ previous, next }: { previous?: string; next?: string }) {
  const router = useRouter()
  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      if (event.metaKey || event.ctrlKey || event.altKey || event.defaultPrevented) return
      const target = event.target as HTMLElement | null
      if (
        target &&
        (target.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(target.tagName))
      )
        return
      if (document.querySelector('dialog[open]')) return
      const destination = event.key === '[' ? previous : event.key === ']' ? next : undefined
      if (destination) {
        event.preventDefault()
        router.push(destination)
      }
    }
    document.addEventListener('keydown', onKey)
    return () => document.removeEventListener('keydown', onKey)
  }, [previous, next, router])
  return null
}

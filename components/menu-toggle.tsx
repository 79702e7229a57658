'use client'

import { useEffect, useState, type ReactNode } from 'react'

interface MenuToggleProps {
  /** Id of the panel this button shows and hides. */
  controls: string
  children: ReactNode
}

/**
 * The small-screen disclosure for the course menu. The panel is a plain element styled by
 * `[data-open]`; without JavaScript it simply stays visible (see `html:not(.js)` in the CSS).
 */
export function MenuToggle({ controls, children }: MenuToggleProps) {
  const [open, setOpen] = useState(false)

  useEffect(() => {
    const panel = document.getElementById(controls)
    if (!panel) return
    panel.toggleAttribute('data-open', open)
    if (!open) return
    const close = (event: KeyboardEvent) => {
      if (event.key === 'Escape') setOpen(false)
    }
    // A link chosen in the menu navigates; the menu should not stay open over the new page.
    const closeOnNavigate = (event: MouseEvent) => {
      if ((event.target as Element).closest('a')) setOpen(false)
    }
    document.addEventListener('keydown', close)
    panel.addEventListener('click', closeOnNavigate)
    return () => {
      document.removeEventListener('keydown', close)
      panel.removeEventListener('click', closeOnNavigate)
    }
  }, [open, controls])

  return (
    <button
      type="button"
      className="menu-button"
      aria-expanded={open}
      aria-controls={controls}
      onClick={() => setOpen(!open)}
    >
      {children}
    </button>
  )
}

'use client'

import { useEffect, useRef, useState, type ReactNode } from 'react'

interface MenuToggleProps {
  /** Id of the panel this button shows and hides. */
  controls: string
  children: ReactNode
}

const FOCUSABLE = 'a[href], button:not([disabled]), input:not([disabled]), [tabindex="0"]'

/**
 * The small-screen course menu, opened as a modal panel: focus moves into it (to the current
 * lecture), Tab and Shift+Tab cycle between the button and the menu's links, Esc closes it and
 * returns focus to the button, and the page behind neither scrolls nor is read out (`inert`).
 * Without JavaScript the panel simply stays visible (see `html:not(.js)` in the CSS).
 */
export function MenuToggle({ controls, children }: MenuToggleProps) {
  const [open, setOpen] = useState(false)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const panel = document.getElementById(controls)
    if (!panel) return
    panel.toggleAttribute('data-open', open)
    if (!open) return
    const root = document.documentElement
    const behind = [...document.querySelectorAll<HTMLElement>('main, footer')]
    root.toggleAttribute('data-menu-open', true)
    for (const element of behind) element.inert = true
    const start =
      panel.querySelector<HTMLElement>('[aria-current="page"]') ??
      panel.querySelector<HTMLElement>(FOCUSABLE)
    start?.focus()

    const onKeyDown = (event: KeyboardEvent) => {
      if (event.key === 'Escape') {
        setOpen(false)
        button.current?.focus()
        return
      }
      if (event.key !== 'Tab' || !button.current) return
      const stops = [button.current, ...panel.querySelectorAll<HTMLElement>(FOCUSABLE)].filter(
        (element) => element.offsetParent !== null || element === button.current,
      )
      const index = stops.indexOf(document.activeElement as HTMLElement)
      const next = event.shiftKey
        ? index <= 0
          ? stops.at(-1)
          : stops[index - 1]
        : index === -1 || index === stops.length - 1
          ? stops[0]
          : stops[index + 1]
      event.preventDefault()
      next?.focus()
    }
    // A link chosen in the menu navigates; the menu should not stay open over the new page.
    const closeOnNavigate = (event: MouseEvent) => {
      if ((event.target as Element).closest('a')) setOpen(false)
    }
    document.addEventListener('keydown', onKeyDown)
    panel.addEventListener('click', closeOnNavigate)
    return () => {
      root.removeAttribute('data-menu-open')
      for (const element of behind) element.inert = false
      document.removeEventListener('keydown', onKeyDown)
      panel.removeEventListener('click', closeOnNavigate)
    }
  }, [open, controls])

  return (
    <button
      ref={button}
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

'use client'

import { MoonIcon, SunIcon } from './icons'

/** Switches light/dark, remembers the choice, and tells diagrams to redraw. */
export function ThemeToggle() {
  const toggle = () => {
    const root = document.documentElement
    const dark = !root.classList.contains('dark')
    root.classList.toggle('dark', dark)
    try {
      localStorage.setItem('theme', dark ? 'dark' : 'light')
    } catch {
      // Private browsing may forbid storage; the switch still applies to this page.
    }
    window.dispatchEvent(new CustomEvent('themechange', { detail: { dark } }))
  }
  return (
    <button
      type="button"
      onClick={toggle}
      className="icon-button"
      aria-label="切换深色与浅色主题"
      title="切换深色与浅色主题"
    >
      <SunIcon className="dark:hidden" />
      <MoonIcon className="hidden dark:block" />
    </button>
  )
}

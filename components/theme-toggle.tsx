'use client'

import { useSyncExternalStore } from 'react'
import { MonitorIcon, MoonIcon, SunIcon } from './icons'

type ThemeChoice = 'system' | 'light' | 'dark'

const CHOICES: { value: ThemeChoice; label: string }[] = [
  { value: 'system', label: '跟随系统' },
  { value: 'light', label: '浅色' },
  { value: 'dark', label: '深色' },
]

const CHOICE_EVENT = 'themechoice'

declare global {
  interface Window {
    /** Set by the theme script: applies `<html data-theme-choice>` and announces a change. */
    __applyTheme?: () => void
  }
}

function currentChoice(): ThemeChoice {
  const choice = document.documentElement.dataset.themeChoice
  return choice === 'light' || choice === 'dark' ? choice : 'system'
}

function subscribe(onChange: () => void): () => void {
  window.addEventListener(CHOICE_EVENT, onChange)
  return () => window.removeEventListener(CHOICE_EVENT, onChange)
}

function choose(choice: ThemeChoice) {
  document.documentElement.dataset.themeChoice = choice
  try {
    if (choice === 'system') localStorage.removeItem('theme')
    else localStorage.setItem('theme', choice)
  } catch {
    // Private browsing may forbid storage; the choice still applies to this page.
  }
  // The theme script's function flips the class and tells diagrams to redraw.
  window.__applyTheme?.()
  window.dispatchEvent(new Event(CHOICE_EVENT))
}

/**
 * Light, dark or the system's, remembered. A native select over the icon: keyboard, touch and
 * screen readers get the platform's own list; the icon shows the choice from the first paint,
 * by CSS on `<html data-theme-choice>`.
 */
export function ThemeToggle() {
  const choice = useSyncExternalStore(subscribe, currentChoice, () => 'system' as const)
  return (
    <span className="icon-button theme-choice relative" title="颜色主题">
      <MonitorIcon className="theme-icon" data-theme-icon="system" />
      <SunIcon className="theme-icon" data-theme-icon="light" />
      <MoonIcon className="theme-icon" data-theme-icon="dark" />
      <select
        aria-label="颜色主题"
        value={choice}
        onChange={(event) => choose(event.target.value as ThemeChoice)}
        className="absolute inset-0 cursor-pointer opacity-0"
      >
        {CHOICES.map(({ value, label }) => (
          <option key={value} value={value}>
            {label}
          </option>
        ))}
      </select>
    </span>
  )
}

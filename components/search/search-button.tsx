'use client'

import dynamic from 'next/dynamic'
import { useEffect, useRef, useState } from 'react'
import { SearchIcon } from '../icons'

// The dialog and pagefind are fetched on the first open, not with every page.
const SearchDialog = dynamic(
  () => import('./search-dialog').then((module) => module.SearchDialog),
  { ssr: false },
)

function isTyping(target: EventTarget | null): boolean {
  const element = target as HTMLElement | null
  return (
    !!element &&
    (element.isContentEditable || ['INPUT', 'TEXTAREA', 'SELECT'].includes(element.tagName))
  )
}

/** The header's search button; `/` and Ctrl/⌘+K open the search dialog from anywhere. */
export function SearchButton() {
  const [open, setOpen] = useState(false)
  const [loaded, setLoaded] = useState(false)
  const button = useRef<HTMLButtonElement>(null)

  useEffect(() => {
    const onKey = (event: KeyboardEvent) => {
      const shortcut = (event.key === 'k' || event.key === 'K') && (event.metaKey || event.ctrlKey)
      const slash =
        event.key === '/' &&
        !event.metaKey &&
        !event.ctrlKey &&
        !event.altKey &&
        !isTyping(event.target)
      if (shortcut || slash) {
        event.preventDefault()
        setLoaded(true)
        setOpen(true)
      }
    }
    document.addEventListener('keydown', onKey)
    // Marks the moment the shortcuts listen: before hydration a key press or click does nothing.
    button.current?.setAttribute('data-ready', '')
    return () => document.removeEventListener('keydown', onKey)
  }, [])

  return (
    <>
      <button
        type="button"
        className="search-button"
        onClick={() => {
          setLoaded(true)
          setOpen(true)
        }}
        aria-keyshortcuts="/ Control+K Meta+K"
        data-search-open
        ref={button}
      >
        <SearchIcon width={18} height={18} />
        <span className="hidden sm:inline">搜索</span>
        <span className="sr-only sm:hidden">搜索</span>
        <kbd className="search-kbd" aria-hidden="true">
          /
        </kbd>
      </button>
      {loaded && <SearchDialog open={open} onClose={() => setOpen(false)} />}
    </>
  )
}

'use client'

import { useCallback, useSyncExternalStore } from 'react'
import {
  emptyProgress,
  exportProgress,
  parseProgress,
  PROGRESS_KEY,
  type Progress,
} from '@/lib/progress/store'

const CHANGE_EVENT = 'course-site:progress'
const empty = emptyProgress()
let cachedText: string | null | undefined
let cached: Progress = empty

function read(): Progress {
  let text: string | null = null
  try {
    text = localStorage.getItem(PROGRESS_KEY)
  } catch {
    return empty
  }
  // Parse once per stored text, so every component sees the same object.
  if (text !== cachedText) {
    cachedText = text
    cached = parseProgress(text)
  }
  return cached
}

function subscribe(onChange: () => void): () => void {
  const onStorage = (event: StorageEvent) => {
    if (event.key === PROGRESS_KEY || event.key === null) onChange()
  }
  window.addEventListener('storage', onStorage)
  window.addEventListener(CHANGE_EVENT, onChange)
  return () => {
    window.removeEventListener('storage', onStorage)
    window.removeEventListener(CHANGE_EVENT, onChange)
  }
}

/** Replaces the stored progress and tells every component on the page. */
export function writeProgress(progress: Progress): void {
  try {
    localStorage.setItem(PROGRESS_KEY, exportProgress(progress))
  } catch {
    console.warn('[progress] The browser refused to store progress (private mode or storage full).')
  }
  window.dispatchEvent(new Event(CHANGE_EVENT))
}

/**
 * The reader's progress, live: re-renders when it changes on this page or in another tab.
 * On the server and before hydration it is empty, so the static HTML never shows a guess.
 */
export function useProgress(): [Progress, (update: (current: Progress) => Progress) => void] {
  const progress = useSyncExternalStore(subscribe, read, () => empty)
  const update = useCallback(
    (change: (current: Progress) => Progress) => writeProgress(change(read())),
    [],
  )
  return [progress, update]
}

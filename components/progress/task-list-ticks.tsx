'use client'

import { useEffect } from 'react'
import { checklistKey, isTicked, setTicked } from '@/lib/progress/store'
import { useProgress } from './use-progress'

/**
 * Makes the GFM task lists of a page (`- [ ] 理论学习`) tickable. Ticks are kept with the
 * reader's progress, keyed by the item's text, so they survive reloads and edits elsewhere on
 * the page. Without JavaScript the list shows its boxes as written.
 */
export function TaskListTicks({ course, page }: { course: string; page: string }) {
  const [progress, update] = useProgress()
  useEffect(() => {
    const boxes = [
      ...document.querySelectorAll<HTMLInputElement>(
        '.article li.task-list-item > input[type="checkbox"]',
      ),
    ]
    const cleanups = boxes.map((box) => {
      const item = box.closest('li')!
      const key = checklistKey(page, item.textContent ?? '')
      box.disabled = false
      box.checked = isTicked(progress, course, key) || box.defaultChecked
      box.setAttribute('aria-label', item.textContent?.trim() ?? '')
      const onChange = () => update((current) => setTicked(current, course, key, box.checked))
      box.addEventListener('change', onChange)
      return () => box.removeEventListener('change', onChange)
    })
    return () => cleanups.forEach((cleanup) => cleanup())
  }, [progress, course, page, update])
  return null
}

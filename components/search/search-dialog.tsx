'use client'

import { useEffect, useId, useRef, useState, type KeyboardEvent } from 'react'
import { readableHits } from './offline-hits'
import { loadPagefind, shapeResult, type SearchHit } from './pagefind-client'
import { rerank } from './rank'

interface SearchDialogProps {
  open: boolean
  onClose: () => void
}

type Status =
  | { kind: 'idle' }
  | { kind: 'loading' }
  | { kind: 'ready'; hits: SearchHit[] }
  | { kind: 'error'; message: string }

/** Whether the page being read belongs to a guide (the authors' handbook). */
function readingGuide(): boolean {
  return !!document.querySelector('[data-pagefind-filter="kind:guide"]')
}

/**
 * Full-text search over the exported site (pagefind). A modal <dialog>: focus stays inside,
 * Esc closes, arrow keys move through the results, Enter opens one. Filter by course.
 */
export function SearchDialog({ open, onClose }: SearchDialogProps) {
  const dialog = useRef<HTMLDialogElement>(null)
  const input = useRef<HTMLInputElement>(null)
  const listId = useId()
  const [query, setQuery] = useState('')
  const [course, setCourse] = useState('')
  const [courses, setCourses] = useState<string[]>([])
  const [status, setStatus] = useState<Status>({ kind: 'idle' })
  const [active, setActive] = useState(0)

  useEffect(() => {
    const element = dialog.current
    if (!element) return
    if (open && !element.open) {
      element.showModal()
      input.current?.focus()
      input.current?.select()
    } else if (!open && element.open) element.close()
  }, [open])

  useEffect(() => {
    loadPagefind()
      .then(async (pagefind) =>
        setCourses(Object.keys((await pagefind.filters()).course ?? {}).sort()),
      )
      .catch(() =>
        setStatus({
          kind: 'error',
          message: '搜索索引没有加载成功：请先运行 npm run build 生成 out/pagefind/。',
        }),
      )
  }, [])

  useEffect(() => {
    const text = query.trim()
    if (text === '') return
    let cancelled = false
    const timer = window.setTimeout(async () => {
      setStatus({ kind: 'loading' })
      try {
        const pagefind = await loadPagefind()
        const search = await pagefind.search(text, {
          // All courses means the courses: the authors' guides only when chosen or read.
          filters: course ? { course } : readingGuide() ? {} : { kind: 'course' },
        })
        // Re-rank pagefind's best 30 by title, description and section; show 12.
        const shaped = await Promise.all(
          search.results
            .slice(0, 30)
            .map(async (result) => shapeResult(await result.data(), result.score, text)),
        )
        const hits = (await readableHits(rerank(text, shaped))).slice(0, 12)
        if (!cancelled) {
          setStatus({ kind: 'ready', hits })
          setActive(0)
        }
      } catch (error) {
        if (!cancelled)
          setStatus({
            kind: 'error',
            message: `搜索失败：${error instanceof Error ? error.message : String(error)}`,
          })
      }
    }, 120)
    return () => {
      cancelled = true
      window.clearTimeout(timer)
    }
  }, [query, course])

  // An empty query shows nothing, whatever the last search returned.
  const shown: Status = query.trim() === '' ? { kind: 'idle' } : status
  const hits = shown.kind === 'ready' ? shown.hits : []
  const go = (hit: SearchHit | undefined) => {
    if (!hit) return
    onClose()
    window.location.assign(hit.url)
  }
  const onKeyDown = (event: KeyboardEvent<HTMLInputElement>) => {
    // A search field's own Esc only clears the text; here Esc always closes the dialog.
    if (event.key === 'Escape') {
      event.preventDefault()
      onClose()
    } else if (event.key === 'ArrowDown' || event.key === 'ArrowUp') {
      event.preventDefault()
      if (hits.length === 0) return
      const step = event.key === 'ArrowDown' ? 1 : -1
      setActive((current) => (current + step + hits.length) % hits.length)
    } else if (event.key === 'Enter') {
      event.preventDefault()
      go(hits[active])
    }
  }

  useEffect(() => {
    document.getElementById(`${listId}-${active}`)?.scrollIntoView({ block: 'nearest' })
  }, [active, listId])

  return (
    <dialog
      ref={dialog}
      className="search-dialog"
      aria-label="搜索课程"
      onClose={onClose}
      onClick={(event) => event.target === dialog.current && onClose()}
      onKeyDown={(event) => {
        // Keep Tab inside the dialog: the browser would otherwise move on to its own toolbar.
        if (event.key !== 'Tab' || !dialog.current) return
        const focusable = [
          ...dialog.current.querySelectorAll<HTMLElement>('input, select, button'),
        ].filter((element) => !element.hasAttribute('disabled'))
        const first = focusable[0]
        const last = focusable.at(-1)
        if (event.shiftKey && document.activeElement === first) {
          event.preventDefault()
          last?.focus()
        } else if (!event.shiftKey && document.activeElement === last) {
          event.preventDefault()
          first?.focus()
        }
      }}
    >
      <div className="search-box">
        <div className="search-bar flex items-center gap-2 border-b border-[var(--border)] p-3">
          <input
            ref={input}
            type="search"
            value={query}
            onChange={(event) => setQuery(event.target.value)}
            onKeyDown={onKeyDown}
            placeholder="搜索讲义，例如：领导者选举、Raft 日志、linearizability"
            aria-label="搜索讲义"
            role="combobox"
            aria-expanded={hits.length > 0}
            aria-controls={listId}
            aria-activedescendant={hits.length > 0 ? `${listId}-${active}` : undefined}
            aria-autocomplete="list"
            className="search-input"
            data-search-input
          />
          {courses.length > 1 && (
            <select
              value={course}
              onChange={(event) => setCourse(event.target.value)}
              aria-label="按课程筛选"
              className="search-filter"
            >
              <option value="">全部课程</option>
              {courses.map((name) => (
                <option key={name} value={name}>
                  {name}
                </option>
              ))}
            </select>
          )}
          <button type="button" className="search-close" onClick={onClose}>
            关闭
          </button>
        </div>
        <p role="status" className="sr-only">
          {shown.kind === 'ready' ? `找到 ${hits.length} 个结果` : ''}
        </p>
        <ul
          id={listId}
          role="listbox"
          aria-label="搜索结果"
          className="search-results"
          data-search-results
        >
          {hits.map((hit, index) => (
            // A real link (Ctrl-click, middle-click, copy link) that is also the listbox's option.
            <li key={hit.url} role="presentation">
              <a
                href={hit.url}
                id={`${listId}-${index}`}
                role="option"
                tabIndex={-1}
                aria-selected={index === active}
                className="search-hit"
                onMouseMove={() => setActive(index)}
                onClick={(event) => {
                  if (!event.ctrlKey && !event.metaKey && !event.shiftKey && event.button === 0)
                    onClose()
                }}
                data-search-hit={hit.url}
              >
                <span className="search-hit-meta">
                  {[hit.course, hit.label].filter(Boolean).join(' · ')}
                </span>
                <span className="search-hit-title">
                  {hit.title}
                  {hit.section && <span className="search-hit-section">{` › ${hit.section}`}</span>}
                </span>
                <span
                  className="search-hit-excerpt"
                  dangerouslySetInnerHTML={{ __html: hit.excerpt }}
                />
              </a>
            </li>
          ))}
        </ul>
        {shown.kind === 'ready' && hits.length === 0 && (
          <p className="p-4 text-sm text-[var(--muted-fg)]">
            没有找到相关内容。换个说法，或试试英文术语。
          </p>
        )}
        {shown.kind === 'error' && (
          <p className="p-4 text-sm text-red-700 dark:text-red-300">{shown.message}</p>
        )}
        <p className="search-footer" aria-hidden="true">
          <kbd>↑</kbd>
          <kbd>↓</kbd> 选择 · <kbd>Enter</kbd> 打开 · <kbd>Esc</kbd> 关闭
        </p>
      </div>
    </dialog>
  )
}

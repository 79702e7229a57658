'use client'

import {
  Children,
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type ReactNode,
} from 'react'

interface CodeTabsClientProps {
  group: string
  labels: string[]
  /** The fence language of each tab: the reader's choice is remembered as a language. */
  languages: string[]
  children: ReactNode
}

const STORAGE_PREFIX = 'course-site:code-tab:'
const CHANGE_EVENT = 'course-site:code-tab'

function storedChoice(group: string): string | null {
  try {
    return localStorage.getItem(STORAGE_PREFIX + group)
  } catch {
    return null
  }
}

/**
 * The interactive half of <CodeTabs>: a WAI-ARIA tablist (arrow keys, Home, End) whose choice
 * of language is stored per group and shared with every tab set on this page, on other pages
 * and in other browser tabs.
 */
export function CodeTabsClient({ group, labels, languages, children }: CodeTabsClientProps) {
  const id = useId()
  const [active, setActive] = useState(0)
  const tabs = useRef<(HTMLButtonElement | null)[]>([])

  useEffect(() => {
    const apply = (language: string | null) => {
      const index = language === null ? -1 : languages.indexOf(language)
      if (index !== -1) setActive(index)
    }
    apply(storedChoice(group))
    const onChange = (event: Event) => {
      const detail = (event as CustomEvent<{ group: string; language: string }>).detail
      if (detail.group === group) apply(detail.language)
    }
    const onStorage = (event: StorageEvent) => {
      if (event.key === STORAGE_PREFIX + group) apply(event.newValue)
    }
    window.addEventListener(CHANGE_EVENT, onChange)
    window.addEventListener('storage', onStorage)
    return () => {
      window.removeEventListener(CHANGE_EVENT, onChange)
      window.removeEventListener('storage', onStorage)
    }
  }, [group, languages])

  const choose = (index: number, focus: boolean) => {
    setActive(index)
    if (focus) tabs.current[index]?.focus()
    const language = languages[index]!
    try {
      localStorage.setItem(STORAGE_PREFIX + group, language)
    } catch {
      // Without storage the choice holds for this page only.
    }
    window.dispatchEvent(new CustomEvent(CHANGE_EVENT, { detail: { group, language } }))
  }

  const onKeyDown = (event: KeyboardEvent<HTMLButtonElement>) => {
    const last = labels.length - 1
    const moves: Record<string, number> = {
      ArrowRight: active === last ? 0 : active + 1,
      ArrowLeft: active === 0 ? last : active - 1,
      Home: 0,
      End: last,
    }
    const target = moves[event.key]
    if (target === undefined) return
    event.preventDefault()
    choose(target, true)
  }

  return (
    <div className="code-tabs not-prose" data-code-tabs={group}>
      <div role="tablist" aria-label="代码语言" className="code-tabs-list no-print">
        {labels.map((label, index) => (
          <button
            key={label + index}
            ref={(element) => {
              tabs.current[index] = element
            }}
            type="button"
            role="tab"
            id={`${id}-tab-${index}`}
            aria-selected={index === active}
            aria-controls={`${id}-panel-${index}`}
            tabIndex={index === active ? 0 : -1}
            onClick={() => choose(index, false)}
            onKeyDown={onKeyDown}
            className="code-tab"
          >
            {label}
          </button>
        ))}
      </div>
      {Children.toArray(children).map((child, index) => (
        <div
          key={index}
          role="tabpanel"
          id={`${id}-panel-${index}`}
          aria-labelledby={`${id}-tab-${index}`}
          data-inactive={index === active ? undefined : ''}
          className="code-tab-panel"
        >
          <p className="code-tab-label">{labels[index]}</p>
          {child}
        </div>
      ))}
    </div>
  )
}

import type { ReactNode } from 'react'
import type { CalloutProps as AuthorProps } from '@/lib/mdx/component-props'

const KINDS = {
  note: { label: '说明', icon: 'ℹ' },
  tip: { label: '提示', icon: '✦' },
  warning: { label: '注意', icon: '!' },
  danger: { label: '警告', icon: '✕' },
} as const

/** An admonition: note, tip, warning or danger. GitHub `> [!NOTE]` alerts become these too. */
export function Callout({ type = 'note', title, children }: AuthorProps & { children: ReactNode }) {
  const kind = KINDS[type]
  return (
    <aside className={`callout callout-${type}`} aria-label={title ?? kind.label}>
      <p className="callout-title not-prose">
        <span className="callout-icon" aria-hidden="true">
          {kind.icon}
        </span>
        {title ?? kind.label}
      </p>
      <div className="prose dark:prose-invert max-w-none">{children}</div>
    </aside>
  )
}

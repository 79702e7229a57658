import type { PaperProps } from '@/lib/mdx/component-props'
import { BookIcon } from '../icons'

/** A reading card: title (linked), authors, venue and year, and what to read it for. */
export function Paper({ title, authors, year, venue, url, note }: PaperProps) {
  const details = [authors, [venue, year].filter(Boolean).join(' ')].filter(Boolean).join(' · ')
  return (
    <div className="paper not-prose">
      <BookIcon className="paper-icon" />
      <div className="min-w-0">
        <p className="paper-title">
          {url ? (
            <a href={url} rel="noopener">
              {title}
            </a>
          ) : (
            title
          )}
        </p>
        {details && <p className="paper-meta">{details}</p>}
        {note && <p className="paper-note">{note}</p>}
      </div>
    </div>
  )
}

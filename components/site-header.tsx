import Link from 'next/link'
import { GitHubIcon } from './icons'
import { SearchButton } from './search/search-button'
import { ThemeToggle } from './theme-toggle'

interface SiteHeaderProps {
  siteTitle: string
  course?: { title: string; path: string }
  repository?: string
}

/** The bar on every page: where you are (site, course), and the site-wide controls. */
export function SiteHeader({ siteTitle, course, repository }: SiteHeaderProps) {
  return (
    <header className="no-print sticky top-0 z-40 border-b border-[var(--border)] bg-[var(--page-bg)]/95 backdrop-blur supports-[backdrop-filter]:bg-[var(--page-bg)]/80">
      <a href="#main" className="skip-link">
        跳到正文
      </a>
      <div className="mx-auto flex h-[var(--header-height)] max-w-[90rem] items-center gap-3 px-4 sm:px-6">
        <nav aria-label="站点" className="flex min-w-0 items-center gap-2 text-[0.95rem]">
          <Link
            prefetch={false}
            href="/"
            className="shrink-0 font-semibold hover:text-[var(--color-accent-600)] dark:hover:text-[var(--color-accent-300)]"
          >
            {siteTitle}
          </Link>
          {course && (
            <>
              <span aria-hidden="true" className="text-[var(--muted-fg)]">
                /
              </span>
              <Link
                prefetch={false}
                href={course.path}
                className="truncate text-[var(--muted-fg)] hover:text-[var(--page-fg)]"
              >
                {course.title}
              </Link>
            </>
          )}
        </nav>
        <div className="ml-auto flex items-center gap-1">
          <SearchButton />
          {repository && (
            <a href={repository} className="icon-button" aria-label="源代码仓库" title="源代码仓库">
              <GitHubIcon />
            </a>
          )}
          <ThemeToggle />
        </div>
      </div>
    </header>
  )
}

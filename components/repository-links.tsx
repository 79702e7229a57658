import { repositoryLinks, type PageSource } from '@/lib/repository-links'

/** 在 GitHub 上编辑此页 · 报告问题, when the site or the course names its repository. */
export function RepositoryLinks(page: PageSource) {
  const links = repositoryLinks(page)
  if (!links) return null
  return (
    <p className="repository-links no-print flex flex-wrap gap-x-4 gap-y-1 text-sm text-[var(--muted-fg)]">
      <a href={links.edit} rel="noopener" className="underline underline-offset-2">
        在 GitHub 上编辑此页
      </a>
      <a href={links.report} rel="noopener" className="underline underline-offset-2">
        报告问题
      </a>
    </p>
  )
}

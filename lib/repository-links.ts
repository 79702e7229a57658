/**
 * Links from a page to the repository it is built from: its source file in GitHub's editor,
 * and a new issue that names the page. Only when site.yaml or the course names a repository.
 */

export interface RepositoryLinks {
  edit: string
  report: string
}

export interface PageSource {
  /** `https://github.com/OWNER/REPO`, without a trailing slash. */
  repository: string | undefined
  branch: string
  /** The file's path inside `content/`, e.g. `distributed-systems/lecture-05.mdx`. */
  contentPath: string
  /** How the issue names the page, e.g. `分布式系统设计 · 第 5 讲 Raft（一）`. */
  title: string
  /** The page's public URL, quoted in the issue. */
  url: string
}

export function repositoryLinks(page: PageSource): RepositoryLinks | undefined {
  if (!page.repository) return undefined
  const file = `content/${page.contentPath}`.split('/').map(encodeURIComponent).join('/')
  const query = new URLSearchParams({
    title: `[${page.title}] `,
    body: `页面：${page.url}\n源文件：${file}\n\n问题：\n`,
  })
  return {
    edit: `${page.repository}/edit/${encodeURIComponent(page.branch)}/${file}`,
    report: `${page.repository}/issues/new?${query.toString()}`,
  }
}

import { renderToStaticMarkup } from 'react-dom/server'
import { describe, expect, it } from 'vitest'
import { LectureMeta } from '@/components/lecture-meta'
import { getSite } from '@/lib/content/index.ts'
import { repositoryLinks } from '@/lib/repository-links.ts'
import { FIXTURE_CONTENT } from '../helpers/fixture-site.ts'

const page = {
  repository: 'https://github.com/example/site',
  branch: 'main',
  contentPath: 'distributed-systems/lecture-05.mdx',
  title: '分布式系统设计 · 第 5 讲 Raft',
  url: 'https://example.github.io/site/distributed-systems/lecture-05/',
}

describe('edit and report links', () => {
  it('opens the page source in GitHub’s editor and a new issue naming the page', () => {
    const links = repositoryLinks(page)!
    expect(links.edit).toBe(
      'https://github.com/example/site/edit/main/content/distributed-systems/lecture-05.mdx',
    )
    const report = new URL(links.report)
    expect(report.origin + report.pathname).toBe('https://github.com/example/site/issues/new')
    expect(report.searchParams.get('title')).toBe('[分布式系统设计 · 第 5 讲 Raft] ')
    expect(report.searchParams.get('body')).toContain(`页面：${page.url}`)
    expect(report.searchParams.get('body')).toContain(
      '源文件：content/distributed-systems/lecture-05.mdx',
    )
  })

  it('gives no links when no repository is named', () => {
    expect(repositoryLinks({ ...page, repository: undefined })).toBeUndefined()
  })

  it('shows both links on a lecture of a course with a repository, and none without', () => {
    const course = getSite({ contentDir: FIXTURE_CONTENT, includeDrafts: false }).courses[0]!
    const lecture = course.lectures[0]!
    const render = (repository: string | undefined) =>
      renderToStaticMarkup(
        <LectureMeta course={{ ...course, repository }} lecture={lecture} updated={undefined} />,
      )
    const html = render(course.repository)
    expect(html).toContain(
      `href="https://github.com/example/course-site/edit/main/content/fixture-course/${lecture.file.split('/').at(-1)}"`,
    )
    expect(html).toMatch(/>在 GitHub 上编辑此页<\/a>/)
    expect(html).toMatch(
      /href="https:\/\/github\.com\/example\/course-site\/issues\/new\?[^"]+"[^>]*>报告问题<\/a>/,
    )
    expect(render(undefined)).not.toContain('github.com')
  })
})

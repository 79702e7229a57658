import { namesQuery } from './rank'

/** The parts of pagefind's browser API the search dialog uses. */
export interface PagefindResultData {
  url: string
  excerpt: string
  meta: Record<string, string | undefined>
  sub_results?: { title: string; url: string; excerpt: string }[]
}

interface PagefindApi {
  options(options: Record<string, unknown>): Promise<void>
  init(): Promise<void>
  filters(): Promise<Record<string, Record<string, number>>>
  search(
    query: string,
    options?: { filters?: Record<string, string> },
  ): Promise<{ results: { score: number; data(): Promise<PagefindResultData> }[] }>
}

export interface SearchHit {
  url: string
  score: number
  description: string | undefined
  title: string
  course: string | undefined
  /** 第 5 讲 */
  label: string | undefined
  /** The heading of the section the match is in. */
  section: string | undefined
  /** HTML with <mark> around the matched words. */
  excerpt: string
}

let loading: Promise<PagefindApi> | undefined

/** Loads pagefind from the site itself (under the base path), once. */
export function loadPagefind(): Promise<PagefindApi> {
  const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? ''
  loading ??= (async () => {
    const url = `${basePath}/pagefind/pagefind.js`
    const pagefind = (await import(
      /* webpackIgnore: true */ /* turbopackIgnore: true */ url
    )) as PagefindApi
    await pagefind.options({ baseUrl: `${basePath}/`, excerptLength: 24 })
    await pagefind.init()
    return pagefind
  })()
  loading.catch(() => {
    loading = undefined
  })
  return loading
}

const marks = (html: string) => html.split('<mark>').length - 1

/**
 * One result per page: the best section's heading, link and excerpt, with the page's labels.
 * The best section is the one whose heading names the query (a search for 一致性哈希 opens the
 * section titled 一致性哈希), else the one with the most matches in its excerpt.
 */
export function shapeResult(data: PagefindResultData, score: number, query = ''): SearchHit {
  const sections = data.sub_results?.filter((sub) => sub.url.includes('#')) ?? []
  const rated = sections.map((sub, index) => ({
    sub,
    index,
    rating: 100 * namesQuery(sub.title, query) + marks(sub.excerpt),
  }))
  rated.sort((a, b) => b.rating - a.rating || a.index - b.index)
  const section = rated[0]?.sub ?? data.sub_results?.[0]
  const sectionTitle = section && section.title !== data.meta.title ? section.title : undefined
  return {
    url: section?.url ?? data.url,
    score,
    description: data.meta.description,
    title: data.meta.title ?? data.url,
    course: data.meta.course,
    label: data.meta.label,
    section: sectionTitle,
    excerpt: section?.excerpt ?? data.excerpt,
  }
}

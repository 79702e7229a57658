/**
 * Re-ranks pagefind's results the way a reader expects a course search to behave: a lecture
 * whose title names what was searched comes first, then one whose one-line description does,
 * then one whose section heading does; within each, pagefind's own relevance decides. Pagefind
 * alone ranks a long lecture that mentions "领导者" and "选举" often above the short lecture
 * titled 领导者选举.
 */

export interface RankableHit {
  /** pagefind's relevance score. */
  score: number
  title: string
  description: string | undefined
  section: string | undefined
}

const segmenter =
  typeof Intl !== 'undefined' && 'Segmenter' in Intl
    ? new Intl.Segmenter('zh', { granularity: 'word' })
    : undefined

/** The words of a query: Latin words as typed, Chinese split into words. */
export function queryTerms(query: string): string[] {
  const terms = new Set<string>()
  for (const part of query.toLowerCase().split(/\s+/).filter(Boolean)) {
    if (!segmenter || !/\p{Script=Han}/u.test(part)) {
      terms.add(part)
      continue
    }
    for (const segment of segmenter.segment(part))
      if (segment.isWordLike) terms.add(segment.segment)
  }
  return [...terms]
}

/** How much of the query a piece of text names: 1 for all of it, the share of its terms otherwise. */
function coverage(text: string | undefined, query: string, terms: string[]): number {
  if (!text || terms.length === 0) return 0
  const haystack = text.toLowerCase().replace(/\s+/g, '')
  if (haystack.includes(query.toLowerCase().replace(/\s+/g, ''))) return 1
  return terms.filter((term) => haystack.includes(term)).length / terms.length
}

/** How much of a piece of text the query fills (0–1): all of "Raft" in "Raft（一）：领导者选举". */
function share(text: string | undefined, terms: string[]): number {
  if (!text) return 0
  const haystack = text.toLowerCase().replace(/\s+/g, '')
  const found = terms.filter((term) => haystack.includes(term))
  return found.reduce((sum, term) => sum + term.length, 0) / Math.max(haystack.length, 1)
}

/** How well a heading names what was searched, for choosing a page's best section. */
export function namesQuery(text: string | undefined, query: string): number {
  return coverage(text, query, queryTerms(query))
}

export function rerank<T extends RankableHit>(query: string, hits: T[]): T[] {
  const terms = queryTerms(query)
  // Among titles that all name the query, the one it fills most is about it: "raft" finds
  // "Raft（一）：领导者选举" before "Go 模式：为并发服务器与 Raft 准备的并发套路".
  const weight = (hit: T) =>
    4 * coverage(hit.title, query, terms) +
    0.5 * share(hit.title, terms) +
    2 * coverage(hit.description, query, terms) +
    1 * coverage(hit.section, query, terms)
  return hits
    .map((hit, index) => ({ hit, index, weight: weight(hit) }))
    .sort((a, b) => b.weight - a.weight || b.hit.score - a.hit.score || a.index - b.index)
    .map((entry) => entry.hit)
}

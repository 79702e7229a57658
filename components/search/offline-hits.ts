import type { SearchHit } from './pagefind-client'

/**
 * Offline, only the hits the reader can open: pages the service worker has kept (visited, or
 * in a saved course). Online, all of them.
 */
export async function readableHits(hits: SearchHit[]): Promise<SearchHit[]> {
  if (navigator.onLine || !('caches' in window)) return hits
  const kept = await Promise.all(
    hits.map(async (hit) => ((await caches.match(hit.url.split('#')[0]!)) ? hit : undefined)),
  )
  return kept.filter((hit) => hit !== undefined)
}

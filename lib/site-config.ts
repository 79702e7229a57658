import path from 'node:path'

/**
 * Build-time settings, read once from the environment.
 * Every part of the site that needs a URL prefix or the content folder asks here.
 */

/** Turns `BASE_PATH` into `''` or `/segment` (leading slash, no trailing slash). */
export function normalizeBasePath(raw: string | undefined): string {
  const trimmed = (raw ?? '').trim().replace(/^\/+|\/+$/g, '')
  return trimmed === '' ? '' : `/${trimmed}`
}

/** The prefix every URL of the site carries, e.g. `/course-site` on a GitHub Pages project site. */
export const basePath = normalizeBasePath(process.env.BASE_PATH)

/** The public origin of the site, used for canonical URLs, OpenGraph and the sitemap. */
export const siteUrl = (process.env.SITE_URL?.trim() || 'http://localhost:3000').replace(/\/+$/, '')

/** The folder that holds the courses. Tests point it at fixtures. */
export const contentDir = path.resolve(
  process.env.CONTENT_DIR ?? path.join(process.cwd(), 'content'),
)

/**
 * `next dev` keeps every page up while one lecture has a mistake, and shows it on that page;
 * builds, the content check and the tests stop on every mistake instead.
 */
export const tolerateContentErrors = process.env.NODE_ENV === 'development'

/** Drafts are built in development and left out of production builds. */
export const includeDrafts = process.env.NODE_ENV !== 'production'

/** Prefixes a site path (starting with `/`) with the base path. */
export function withBasePath(sitePath: string, prefix: string = basePath): string {
  return `${prefix}${sitePath}`
}

/** The absolute URL of a site path, for canonical links and the sitemap. */
export function absoluteUrl(sitePath: string): string {
  return `${siteUrl}${basePath}${sitePath}`
}

import fs from 'node:fs'
import path from 'node:path'

/** What a file of the export is for. Anything else has no business being published. */
export type ExportKind =
  | 'page'
  | 'rsc-payload'
  | 'script'
  | 'style'
  | 'font'
  | 'image'
  | 'search-index'
  | 'code'
  | 'kit'
  | 'site-file'
  | 'offline-list'

const SEGMENT = '[^/]+'
const IMAGE = /\.(?:svg|png|jpe?g|gif|webp|avif)$/i

/**
 * The kinds, each as the paths (relative to the export's root, `/`-separated, without base
 * path) it may take. Pagefind writes its own UI bundles too; the site draws its own dialog and
 * uses only the search API, its worker, its WebAssembly and the index itself.
 */
const RULES: [ExportKind, RegExp][] = [
  ['page', /^(?:.+\/)?index\.html$|^404\.html$/],
  ['rsc-payload', /^(?:.+\/)?(?:index\.txt|__next\.[^/]+\.txt)$/],
  ['script', /^_next\/static\/chunks\/[^/]+\.js$/],
  ['script', /^_next\/static\/[^/]+\/_(?:buildManifest|ssgManifest|clientMiddlewareManifest)\.js$/],
  ['style', /^_next\/static\/chunks\/[^/]+\.css$/],
  ['font', /^_next\/static\/media\/[^/]+\.woff2$/],
  ['search-index', /^pagefind\/(?:pagefind|pagefind-worker)\.js$/],
  ['search-index', /^pagefind\/(?:pagefind-entry\.json|[^/]+\.pf_meta|wasm\.[^/]+\.pagefind)$/],
  ['search-index', /^pagefind\/(?:index\/[^/]+\.pf_index|fragment\/[^/]+\.pf_fragment)$/],
  ['search-index', /^pagefind\/filter\/[^/]+\.pf_filter$/],
  ['image', new RegExp(`^${SEGMENT}/images/.+${IMAGE.source}`, 'i')],
  // The site icon, its installable PNG sizes, and the copy Next.js keeps beside the fonts.
  ['image', /^icon\.svg$|^icons\/[^/]+\.png$|^_next\/static\/media\/[^/]+\.svg$/],
  ['code', new RegExp(`^${SEGMENT}/code/.+$`)],
  // A lab's starter kit, beside its page: <course>/labs/lab-3/lab-3-kit.zip (lib/urls.ts).
  ['kit', new RegExp(`^${SEGMENT}/labs/([^/]+)/\\1-kit\\.zip$`)],
  ['site-file', /^(?:sitemap\.xml|robots\.txt|manifest\.webmanifest|sw\.js|\.nojekyll)$/],
  ['offline-list', /^offline\/[^/]+\.json$/],
]

/** The kind of an exported file, from its path relative to the export's root; undefined when none. */
export function exportKindOf(relativePath: string): ExportKind | undefined {
  return RULES.find(([, pattern]) => pattern.test(relativePath))?.[0]
}

/** Every file of an export, relative to its root with `/` separators, sorted. */
export function exportedFiles(outDir: string): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, withFileTypes: true })
    .filter((entry) => entry.isFile())
    .map((entry) => path.relative(outDir, path.join(entry.parentPath, entry.name)))
    .map((relative) => relative.split(path.sep).join('/'))
    .sort()
}

import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { exportedFiles } from '../export-contents.ts'

/**
 * What the service worker keeps for offline reading, computed from the export after every step
 * that changes a file. Paths are relative to the export's root, `/`-separated.
 */

/** The URL a file is served at (pages by their folder, as the site links them). */
export function fileUrl(basePath: string, relative: string): string {
  return `${basePath}/${relative.replace(/(?:^|(?<=\/))index\.html$/, '')}`
}

/** Scripts and stylesheets a page loads, and the chunks those load on demand, transitively. */
export function assetsOf(outDir: string, pages: readonly string[]): string[] {
  const found = new Set<string>()
  const queue: string[] = []
  const add = (relative: string) => {
    if (found.has(relative) || !fs.existsSync(path.join(outDir, relative))) return
    found.add(relative)
    queue.push(relative)
  }
  const scan = (text: string) => {
    for (const [, chunk] of text.matchAll(/static\/(chunks\/[^"'\s)\\]+?\.(?:js|css))/g))
      add(`_next/static/${chunk}`)
    for (const [, media] of text.matchAll(/\.\.\/media\/([^)"'\s]+)/g))
      add(`_next/static/media/${media}`)
  }
  for (const page of pages) scan(fs.readFileSync(path.join(outDir, page), 'utf8'))
  for (let next = queue.shift(); next !== undefined; next = queue.shift())
    scan(fs.readFileSync(path.join(outDir, next), 'utf8'))
  return [...found].sort()
}

export interface OfflineList {
  /** The export this list belongs to (the service worker's version). */
  version: string
  /** Total bytes, shown to the reader before saving. */
  bytes: number
  files: { url: string; bytes: number }[]
}

/** A course's pages, images, the scripts, styles and fonts they use, and the search index. */
export function courseFiles(outDir: string, course: string): string[] {
  const all = exportedFiles(outDir)
  const pages = all.filter((file) => file.startsWith(`${course}/`) && file.endsWith('index.html'))
  const images = all.filter((file) => file.startsWith(`${course}/images/`))
  const search = all.filter((file) => file.startsWith('pagefind/'))
  return [...pages, ...images, ...assetsOf(outDir, pages), ...search]
}

export function offlineList(
  outDir: string,
  basePath: string,
  version: string,
  files: readonly string[],
): OfflineList {
  const entries = files.map((file) => ({
    url: fileUrl(basePath, file),
    bytes: fs.statSync(path.join(outDir, file)).size,
  }))
  return { version, bytes: entries.reduce((sum, entry) => sum + entry.bytes, 0), files: entries }
}

/** A hash of every file of the export except the service worker's own: its cache version. */
export function exportVersion(outDir: string, exclude: (file: string) => boolean): string {
  const hash = createHash('sha256')
  for (const file of exportedFiles(outDir).filter((name) => !exclude(name))) {
    hash.update(`\0${file}\0`)
    hash.update(fs.readFileSync(path.join(outDir, file)))
  }
  return hash.digest('hex').slice(0, 16)
}

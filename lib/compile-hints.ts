import fs from 'node:fs'
import path from 'node:path'
import { exportedHtmlFiles } from './export-info.ts'

/**
 * V8 compiles a function lazily, on the main thread, the first time it runs. The chunks a page
 * loads at startup (React, the Next.js router, our client components) run most of their
 * functions while the page hydrates, so that compiling lands in the page's longest task. A script
 * whose first line is this comment has Chromium (136 and later) compile all its functions up
 * front, on the background thread that streams the script in; other browsers ignore it.
 * On lecture 1, in interleaved Lighthouse runs, script evaluation fell from about 500 to 300 ms
 * and blocking time from 236 to 101 ms (medians of five).
 */
export const COMPILE_HINT = '//# allFunctionsCalledOnLoad\n'

/** The chunk paths (from the site root, without base path) a page loads by `<script src>` as a module-capable browser. */
export function startupChunks(html: string, basePath: string): string[] {
  const chunks: string[] = []
  for (const [tag] of html.matchAll(/<script\b[^>]*>/g)) {
    // The nomodule polyfills run only in browsers too old for the hint.
    if (/\snomodule\b/i.test(tag)) continue
    const src = /\ssrc="([^"]+)"/.exec(tag)?.[1]
    if (!src?.startsWith(`${basePath}/_next/static/`) || !src.endsWith('.js')) continue
    chunks.push(src.slice(basePath.length))
  }
  return chunks
}

/**
 * Puts the hint on the first line of every chunk an exported page loads at startup. Chunks that
 * are only ever imported on demand (Mermaid, the search dialog) stay lazy: most of their code
 * never runs. Idempotent; returns the chunks it marked.
 */
export function addCompileHints(outDir: string, basePath: string): string[] {
  const chunks = new Set<string>()
  for (const file of exportedHtmlFiles(outDir))
    for (const chunk of startupChunks(fs.readFileSync(file, 'utf8'), basePath)) chunks.add(chunk)
  const marked: string[] = []
  for (const chunk of [...chunks].sort()) {
    const file = path.join(outDir, chunk)
    if (!fs.existsSync(file))
      throw new Error(`${file}: an exported page loads this script, but the export lacks it.`)
    const code = fs.readFileSync(file, 'utf8')
    if (code.startsWith(COMPILE_HINT)) continue
    fs.writeFileSync(file, COMPILE_HINT + code)
    marked.push(chunk)
  }
  return marked
}

/**
 * After `next build`, in this order:
 * 1. the search index in out/pagefind/ (pagefind over the exported HTML; only elements marked
 *    data-pagefind-body are indexed), without pagefind's ready-made UIs;
 * 2. KaTeX's fonts trimmed to WOFF2 (lib/woff2-only.ts);
 * 3. the compile hint on every script pages load at startup (lib/compile-hints.ts);
 * 4. each page's Content-Security-Policy (lib/csp.ts), after every step that changes a page;
 * 5. an empty .nojekyll, so GitHub Pages serves the `_next/` folder;
 * 6. the offline lists and the service worker (lib/pwa/), whose version hashes all of the above.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import * as pagefind from 'pagefind'
import { addCompileHints } from '../lib/compile-hints.ts'
import { addPolicies } from '../lib/csp.ts'
import { exportedBasePath, exportedHtmlFiles, OUT_DIR } from '../lib/export-info.ts'
import { getSite } from '../lib/content/index.ts'
import { writeOfflineSupport } from '../lib/pwa/write-offline-support.ts'
import { keepOnlyWoff2 } from '../lib/woff2-only.ts'

const PAGEFIND_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
]

const started = performance.now()
const { index, errors } = await pagefind.createIndex({
  // Line numbers and UI text are never in the text content; these hold no prose worth finding.
  excludeSelectors: [
    '.code-block-bar',
    '.quiz-answer-fallback',
    '.mermaid-diagram',
    // Not '[data-pagefind-ignore]': pagefind honours the attribute itself, and listing it here
    // made section titles keep ignored text (each heading ended with "#链接到「…」").
  ],
})
if (!index) throw new Error(`pagefind could not start: ${errors.join('; ')}`)
const added = await index.addDirectory({ path: OUT_DIR })
if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`)
const written = await index.writeFiles({ outputPath: path.join(OUT_DIR, 'pagefind') })
if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`)
await pagefind.close()
// The site draws its own search dialog over pagefind's API; pagefind's ready-made UIs stay out.
for (const file of PAGEFIND_UI_FILES) fs.rmSync(path.join(OUT_DIR, 'pagefind', file))
keepOnlyWoff2(OUT_DIR)
addCompileHints(OUT_DIR, exportedBasePath(OUT_DIR))
addPolicies(exportedHtmlFiles(OUT_DIR))
fs.writeFileSync(path.join(OUT_DIR, '.nojekyll'), '')
const courses = getSite({ includeDrafts: false }).courses.map((course) => course.slug)
writeOfflineSupport(OUT_DIR, exportedBasePath(OUT_DIR), courses)
console.log(
  `✓ Search index: ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

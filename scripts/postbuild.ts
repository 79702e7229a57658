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
import { addCompileHints } from '../lib/compile-hints.ts'
import { addPolicies } from '../lib/csp.ts'
import { exportedBasePath, exportedHtmlFiles, OUT_DIR } from '../lib/export-info.ts'
import { getSite } from '../lib/content/index.ts'
import { writeOfflineSupport } from '../lib/pwa/write-offline-support.ts'
import { writeSearchIndex } from '../lib/search-index.ts'
import { keepOnlyWoff2 } from '../lib/woff2-only.ts'

const started = performance.now()
const pages = await writeSearchIndex(OUT_DIR, path.join(OUT_DIR, 'pagefind'))
keepOnlyWoff2(OUT_DIR)
addCompileHints(OUT_DIR, exportedBasePath(OUT_DIR))
addPolicies(exportedHtmlFiles(OUT_DIR))
fs.writeFileSync(path.join(OUT_DIR, '.nojekyll'), '')
const courses = getSite({ includeDrafts: false }).courses.map((course) => course.slug)
writeOfflineSupport(OUT_DIR, exportedBasePath(OUT_DIR), courses)
console.log(
  `✓ Search index: ${pages} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

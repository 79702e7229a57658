/**
 * After `next build`: writes the search index into out/pagefind/ (pagefind over the exported
 * HTML; only elements marked data-pagefind-body are indexed, navigation is excluded), marks the
 * scripts pages load at startup for eager compiling (lib/compile-hints.ts) and writes an empty
 * out/.nojekyll so GitHub Pages serves the `_next/` folder.
 */
import fs from 'node:fs'
import path from 'node:path'
import { performance } from 'node:perf_hooks'
import * as pagefind from 'pagefind'
import { addCompileHints } from '../lib/compile-hints.ts'
import { exportedBasePath, OUT_DIR } from '../lib/export-info.ts'

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
addCompileHints(OUT_DIR, exportedBasePath(OUT_DIR))
fs.writeFileSync(path.join(OUT_DIR, '.nojekyll'), '')
console.log(
  `✓ Search index: ${added.page_count} pages in ${((performance.now() - started) / 1000).toFixed(1)} s`,
)

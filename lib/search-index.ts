import fs from 'node:fs'
import path from 'node:path'
import * as pagefind from 'pagefind'

/** pagefind's ready-made UIs: the site draws its own search dialog over pagefind's API. */
const PAGEFIND_UI_FILES = [
  'pagefind-ui.js',
  'pagefind-ui.css',
  'pagefind-modular-ui.js',
  'pagefind-modular-ui.css',
  'pagefind-component-ui.js',
  'pagefind-component-ui.css',
  'pagefind-highlight.js',
]

/**
 * Indexes the exported HTML of `outDir` with pagefind (only elements marked data-pagefind-body)
 * into `outputPath`, without pagefind's UIs. Returns the number of pages indexed.
 */
export async function writeSearchIndex(outDir: string, outputPath: string): Promise<number> {
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
  const added = await index.addDirectory({ path: outDir })
  if (added.errors.length > 0) throw new Error(`pagefind: ${added.errors.join('; ')}`)
  const written = await index.writeFiles({ outputPath })
  if (written.errors.length > 0) throw new Error(`pagefind: ${written.errors.join('; ')}`)
  await pagefind.close()
  for (const file of PAGEFIND_UI_FILES) fs.rmSync(path.join(outputPath, file))
  return added.page_count
}

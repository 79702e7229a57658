import fs from 'node:fs'
import path from 'node:path'
import { describe, expect, inject, it } from 'vitest'
import { exportedFiles, exportKindOf, type ExportKind } from '@/lib/export-contents.ts'

const outDir = inject('outDir')
const files = exportedFiles(outDir)

describe('what the export ships', () => {
  it('holds only files of a known kind: no source maps, dev files or stray content', () => {
    const unknown = files.filter((file) => exportKindOf(file) === undefined)
    expect(unknown).toEqual([])
  })

  it('holds every kind a reader needs', () => {
    const kinds = new Set(files.map(exportKindOf))
    const needed: ExportKind[] = ['page', 'rsc-payload', 'script', 'style', 'font', 'image']
    for (const kind of [...needed, 'search-index', 'code', 'kit', 'site-file'] as const)
      expect(kinds, kind).toContain(kind)
  })

  it('points no script or stylesheet at a source map', () => {
    const mapped = files
      .filter((file) => /\.(?:js|css)$/.test(file))
      .filter((file) =>
        /[#@] sourceMappingURL=/.test(fs.readFileSync(path.join(outDir, file), 'utf8')),
      )
    expect(mapped).toEqual([])
  })
})

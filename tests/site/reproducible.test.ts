import { execFileSync } from 'node:child_process'
import { createHash } from 'node:crypto'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { afterAll, describe, expect, inject, it } from 'vitest'
import { addPolicies } from '@/lib/csp.ts'
import { exportedBasePath, exportedHtmlFiles } from '@/lib/export-info.ts'
import { exportedFiles, exportKindOf } from '@/lib/export-contents.ts'
import { writeOfflineSupport } from '@/lib/pwa/write-offline-support.ts'
import { writeSearchIndex } from '@/lib/search-index.ts'
import { getSite } from '@/lib/content/index.ts'
import { copyFixtureProject, REPOSITORY } from '../helpers/fixture-site.ts'

/**
 * Two builds of one commit export byte-identical files, so a deploy diff shows only what changed.
 * A second full build of the real site costs minutes on CI; instead:
 * - the fixture site (every kind of page, an image, a lab kit, code) is built twice from
 *   scratch, `next build` and postbuild, and the two exports compared file by file;
 * - the real site's export has its postbuild products made a second time from its own pages
 *   (the search index, each page's policy, the offline lists and the service worker) and
 *   compared with what the build wrote.
 */
const outDir = inject('outDir')
const basePath = exportedBasePath(outDir)
const next = path.join(REPOSITORY, 'node_modules', 'next', 'dist', 'bin', 'next')
const postbuild = path.join(REPOSITORY, 'scripts', 'postbuild.ts')
const scratch: string[] = []

function digests(dir: string, files: readonly string[] = exportedFiles(dir)): Map<string, string> {
  return new Map(
    files.map((file) => [
      file,
      createHash('sha256')
        .update(fs.readFileSync(path.join(dir, file)))
        .digest('hex'),
    ]),
  )
}

/** The files that differ between two folders, or exist in one only. */
function differences(first: Map<string, string>, second: Map<string, string>): string[] {
  return [...new Set([...first.keys(), ...second.keys()])]
    .filter((file) => first.get(file) !== second.get(file))
    .map((file) =>
      !first.has(file)
        ? `only in the second: ${file}`
        : !second.has(file)
          ? `only in the first: ${file}`
          : file,
    )
}

/** `next build` and postbuild in a fixture project, from a clean `.next`; returns its export. */
function buildFixture(project: string, into: string): string {
  // The project's own content folder (the fixture site), not one a caller pointed elsewhere.
  const env: NodeJS.ProcessEnv = { ...process.env, BASE_PATH: basePath, NODE_ENV: 'production' }
  delete env.CONTENT_DIR
  fs.rmSync(path.join(project, '.next'), { recursive: true, force: true })
  execFileSync(process.execPath, [next, 'build'], { cwd: project, env, stdio: 'inherit' })
  execFileSync(process.execPath, [postbuild], { cwd: project, env, stdio: 'inherit' })
  fs.renameSync(path.join(project, 'out'), into)
  return into
}

afterAll(() => {
  for (const dir of scratch) fs.rmSync(dir, { recursive: true, force: true })
})

describe('a second build of the same sources', () => {
  // Its first runs found fixture-course/advanced different between builds: shiki gave up on a
  // line after 500 ms on the busy machine and coloured the rest of the block as a comment
  // (lib/mdx/rehype-code.ts now sets no limit).
  it('exports the fixture site byte for byte the same', { timeout: 1_800_000 }, () => {
    const project = copyFixtureProject('.repro-test')
    const exports = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-exports-'))
    scratch.push(project, exports)
    const first = digests(buildFixture(project, path.join(exports, 'first')))
    const second = digests(buildFixture(project, path.join(exports, 'second')))
    expect(differences(first, second)).toEqual([])
    const files = [...first.keys()]
    // Not an empty comparison: pages of both courses, a lab kit, the index and the worker.
    expect(files).toContain('fixture-course/intro/index.html')
    expect(files).toContain('second-course/chapter-one/index.html')
    expect(files.some((file) => exportKindOf(file) === 'kit')).toBe(true)
    expect(files).toContain('pagefind/pagefind-entry.json')
    expect(files).toContain('sw.js')
  })

  it("remakes the real site's search index, policies and offline files identically", async () => {
    const copy = fs.mkdtempSync(path.join(os.tmpdir(), 'site-postbuild-'))
    scratch.push(copy)
    fs.cpSync(outDir, copy, { recursive: true })
    fs.rmSync(path.join(copy, 'pagefind'), { recursive: true })
    await writeSearchIndex(copy, path.join(copy, 'pagefind'))
    addPolicies(exportedHtmlFiles(copy))
    const courses = getSite({ includeDrafts: false }).courses.map((course) => course.slug)
    writeOfflineSupport(copy, basePath, courses)

    const original = digests(outDir)
    expect(differences(original, digests(copy))).toEqual([])
    const files = [...original.keys()]
    expect(files.filter((file) => file.startsWith('pagefind/')).length).toBeGreaterThan(10)
    expect(files.filter((file) => file.startsWith('offline/')).length).toBeGreaterThan(1)
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { zipSync, type Zippable } from 'fflate'
import type { LabKit } from '../content/model.ts'

/**
 * A lab's kit as files: the included shared packages (`common/<pkg>/` as top-level `<pkg>/`),
 * then `kit/`; the reference lays `solution/` over that. Both check:labs and the download use
 * these lists, so what is checked is what is published.
 */

/** A file of an assembled kit: its path inside the kit (with /) and where it comes from. */
export interface KitFile {
  path: string
  source: string
}

function filesBelow(dir: string, prefix: string): KitFile[] {
  const found: KitFile[] = []
  if (!fs.existsSync(dir)) return found
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const source = path.join(dir, entry.name)
    const relative = prefix ? `${prefix}/${entry.name}` : entry.name
    if (entry.isDirectory()) found.push(...filesBelow(source, relative))
    else if (entry.isFile()) found.push({ path: relative, source })
  }
  return found
}

/** Later layers replace earlier files at the same path; the result is sorted by path. */
function layered(layers: KitFile[][]): KitFile[] {
  const byPath = new Map<string, KitFile>()
  for (const layer of layers) for (const file of layer) byPath.set(file.path, file)
  return [...byPath.values()].sort((a, b) => (a.path < b.path ? -1 : a.path > b.path ? 1 : 0))
}

/** What the student downloads. */
export function kitFiles(kit: LabKit): KitFile[] {
  return layered([
    ...kit.include.map((pkg) => filesBelow(pkg.dir, pkg.name)),
    filesBelow(kit.dir, ''),
  ])
}

/** The reference solution: the kit with solution/ laid over it. Never published. */
export function referenceFiles(kit: LabKit): KitFile[] {
  return layered([kitFiles(kit), filesBelow(kit.solutionDir, '')])
}

/** Copies an assembled kit into `dir` (which must not exist yet). */
export function writeKit(files: KitFile[], dir: string): void {
  for (const file of files) {
    const target = path.join(dir, ...file.path.split('/'))
    fs.mkdirSync(path.dirname(target), { recursive: true })
    fs.copyFileSync(file.source, target)
  }
}

/** Every entry's time: the earliest a zip can store, so two builds give the same bytes. */
const FIXED_TIME = new Date(1980, 0, 1, 0, 0, 0)

/**
 * The download: a zip of the kit inside one folder named after the lab (`lab-3/…`), entries
 * sorted, fixed timestamps and compression level, so the archive is byte-for-byte the same
 * for the same files.
 */
export function kitArchive(labId: string, kit: LabKit): Uint8Array {
  const entries: Zippable = {}
  for (const file of kitFiles(kit))
    entries[`${labId}/${file.path}`] = [
      new Uint8Array(fs.readFileSync(file.source)),
      { mtime: FIXED_TIME, level: 9 },
    ]
  return zipSync(entries, { mtime: FIXED_TIME, level: 9 })
}

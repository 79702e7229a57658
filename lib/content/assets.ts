import fs from 'node:fs'
import path from 'node:path'
import { contentTypeOf } from '../content-types.ts'
import { ASSET_FOLDER } from '../urls.ts'
import { getCourse } from './index.ts'

/** Paths (as segments) of every file in a course's images/ folder. */
export function listAssets(courseSlug: string): string[][] {
  const root = path.join(getCourse(courseSlug).dir, ASSET_FOLDER)
  if (!fs.existsSync(root)) return []
  const found: string[][] = []
  const walk = (dir: string, segments: string[]) => {
    for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
      if (entry.name.startsWith('.')) continue
      if (entry.isDirectory()) walk(path.join(dir, entry.name), [...segments, entry.name])
      else found.push([...segments, entry.name])
    }
  }
  walk(root, [])
  return found
}

/** The bytes and content type of one course asset. */
export function readAsset(
  courseSlug: string,
  segments: string[],
): { body: Buffer; contentType: string } {
  const root = path.join(getCourse(courseSlug).dir, ASSET_FOLDER)
  const file = path.resolve(root, ...segments)
  if (!file.startsWith(root + path.sep))
    throw new Error(`Asset path escapes the images folder: ${segments.join('/')}`)
  return { body: fs.readFileSync(file), contentType: contentTypeOf(path.extname(file)) }
}

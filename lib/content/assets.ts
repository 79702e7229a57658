import fs from 'node:fs'
import path from 'node:path'
import { contentTypeOf } from '../content-types.ts'
import { ASSET_FOLDER, type PublishedFolder } from '../urls.ts'
import { getCourse } from './index.ts'

/** Paths (as segments) of every file in one of a course's published folders (images/, code/). */
export function listAssets(courseSlug: string, folder: PublishedFolder = ASSET_FOLDER): string[][] {
  const root = path.join(getCourse(courseSlug).dir, folder)
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
  return found.sort((a, b) => a.join('/').localeCompare(b.join('/')))
}

/** The bytes and content type of one file of a course's published folder. */
export function readAsset(
  courseSlug: string,
  segments: string[],
  folder: PublishedFolder = ASSET_FOLDER,
): { body: Buffer; contentType: string } {
  const root = path.join(getCourse(courseSlug).dir, folder)
  const file = path.resolve(root, ...segments)
  if (!file.startsWith(root + path.sep))
    throw new Error(`Path escapes the ${folder} folder: ${segments.join('/')}`)
  return { body: fs.readFileSync(file), contentType: contentTypeOf(path.extname(file)) }
}

import fs from 'node:fs'
import path from 'node:path'
import { ASSET_FOLDER, CODE_FOLDER, LAB_FOLDER } from '../urls.ts'
import type { ProblemList } from './errors.ts'
import { SLUG_PATTERN } from './schema.ts'

/** Which files of a course folder are pages, and which names they may have. */

const PAGE_EXTENSIONS = ['.mdx', '.md']
export const OVERVIEW_SLUG = 'overview'
/** Lecture slugs that would collide with other routes of a course. */
const RESERVED_LECTURE_SLUGS = new Set([OVERVIEW_SLUG, ASSET_FOLDER, CODE_FOLDER, LAB_FOLDER])

export function isPageFile(name: string): boolean {
  return PAGE_EXTENSIONS.some((extension) => name.endsWith(extension))
}

/**
 * Lists every page file below `dir`, to reject the ones in places where they would be ignored.
 * The course's labs/ folder is left to labs.ts: handouts are pages, kits' READMEs are not.
 */
function nestedPageFiles(dir: string, top = true): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) {
      if (!(top && entry.name === LAB_FOLDER)) found.push(...nestedPageFiles(full, false))
    } else if (isPageFile(entry.name)) found.push(full)
  }
  return found
}

export interface CourseFiles {
  /** Lecture files by slug. */
  lectures: Map<string, string>
  overview: string | undefined
}

/** The page files of a course folder; misplaced, misnamed and duplicate files become problems. */
export function findCourseFiles(dir: string, problems: ProblemList): CourseFiles {
  const slug = path.basename(dir)
  const lectures = new Map<string, string>()
  let overview: string | undefined
  for (const file of nestedPageFiles(dir).sort()) {
    const relative = path.relative(dir, file)
    const name = path.basename(file)
    const fileSlug = name.replace(/\.mdx?$/, '')
    if (relative !== name) {
      problems.add({
        file,
        message: 'page files in subfolders are not built',
        hint: `Lectures sit directly in content/${slug}/, lab handouts in ${LAB_FOLDER}/; other subfolders hold assets (${ASSET_FOLDER}/) and programs (${CODE_FOLDER}/).`,
      })
    } else if (fileSlug === OVERVIEW_SLUG) {
      if (overview)
        problems.add({
          file,
          message: `duplicate overview: ${path.basename(overview)} and ${name}`,
          hint: 'Keep one of overview.md and overview.mdx.',
        })
      overview = file
    } else if (!SLUG_PATTERN.test(fileSlug)) {
      problems.add({
        file,
        message: `"${name}" is not a valid lecture file name`,
        hint: 'The file name is the URL: lower-case letters, digits and hyphens, e.g. lecture-05.mdx.',
      })
    } else if (RESERVED_LECTURE_SLUGS.has(fileSlug)) {
      problems.add({
        file,
        message: `"${fileSlug}" is reserved and cannot be a lecture slug`,
        hint: `Reserved: ${[...RESERVED_LECTURE_SLUGS].join(', ')}.`,
      })
    } else if (lectures.has(fileSlug)) {
      problems.add({
        file,
        message: `duplicate slug "${fileSlug}": ${path.basename(lectures.get(fileSlug)!)} and ${name} would both be /${slug}/${fileSlug}/`,
        hint: 'Keep one of the two files, or rename one.',
      })
    } else {
      lectures.set(fileSlug, file)
    }
  }
  return { lectures, overview }
}

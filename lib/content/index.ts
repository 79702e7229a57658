import fs from 'node:fs'
import path from 'node:path'
import {
  contentDir as defaultContentDir,
  includeDrafts as defaultIncludeDrafts,
  tolerateContentErrors,
} from '../site-config.ts'
import { ContentError } from './errors.ts'
import { loadSite } from './load.ts'
import type { Course, Lab, Lecture, Site } from './model.ts'

/**
 * The only door to `content/`. Pages, the MDX plugins and the scripts ask here; nothing else
 * reads the content folder. The site is loaded once per process and reloaded only when a
 * file under `content/` changes (so `npm run dev` sees edits).
 */

export type { Course, Lab, LabPart, LabRef, Lecture, LectureRef, Overview, Site } from './model.ts'
export type { Heading } from '../mdx/heading-ids.ts'
export type { ExerciseEntry } from './analyze.ts'
export { ContentError, formatProblem, type ContentProblem } from './errors.ts'

interface CacheEntry {
  signature: string
  site: Site
}

const cache = new Map<string, CacheEntry>()

/** A cheap fingerprint of the content folder: every file's path, size and mtime. */
function signatureOf(dir: string): string {
  const parts: string[] = []
  const walk = (current: string) => {
    for (const entry of fs.readdirSync(current, { withFileTypes: true })) {
      const full = path.join(current, entry.name)
      if (entry.isDirectory()) walk(full)
      else {
        const stat = fs.statSync(full)
        parts.push(`${full}:${stat.size}:${stat.mtimeMs}`)
      }
    }
  }
  walk(dir)
  return parts.join('|')
}

export interface SiteOptions {
  contentDir?: string
  includeDrafts?: boolean
  /** Keep a lecture's mistakes with the lecture (the dev server); by default only under next dev. */
  tolerant?: boolean
}

/** The whole site, validated. Throws a ContentError naming every problem. */
export function getSite(options: SiteOptions = {}): Site {
  const dir = path.resolve(options.contentDir ?? defaultContentDir)
  const includeDrafts = options.includeDrafts ?? defaultIncludeDrafts
  const tolerant = options.tolerant ?? tolerateContentErrors
  const key = `${dir}|${includeDrafts}|${tolerant}`
  const signature = signatureOf(dir)
  const cached = cache.get(key)
  if (cached && cached.signature === signature) return cached.site
  const site = loadSite(dir, { includeDrafts, tolerant })
  cache.set(key, { signature, site })
  return site
}

export function getCourse(slug: string, options?: SiteOptions): Course {
  const course = getSite(options).courses.find((candidate) => candidate.slug === slug)
  if (!course) throw new Error(`Unknown course "${slug}"`)
  return course
}

export function getLecture(
  courseSlug: string,
  lectureSlug: string,
  options?: SiteOptions,
): Lecture {
  const lecture = getCourse(courseSlug, options).lectures.find(
    (candidate) => candidate.slug === lectureSlug,
  )
  if (!lecture) throw new Error(`Unknown lecture "${courseSlug}/${lectureSlug}"`)
  return lecture
}

export function getLab(courseSlug: string, labId: string, options?: SiteOptions): Lab {
  const lab = getCourse(courseSlug, options).labs.find((candidate) => candidate.id === labId)
  if (!lab) throw new Error(`Unknown lab "${courseSlug}/${labId}"`)
  return lab
}

/**
 * Finds the page a source file belongs to (the overview has neither lecture nor lab); the MDX
 * plugins use it to know where they are.
 */
export function findPageByFile(
  file: string,
  options?: SiteOptions,
): { course: Course; lecture: Lecture | undefined; lab: Lab | undefined } | undefined {
  const resolved = path.resolve(file)
  for (const course of getSite(options).courses) {
    if (course.overview?.file === resolved) return { course, lecture: undefined, lab: undefined }
    const lecture = course.lectures.find((candidate) => candidate.file === resolved)
    if (lecture) return { course, lecture, lab: undefined }
    const lab = course.labs.find((candidate) => candidate.file === resolved)
    if (lab) return { course, lecture: undefined, lab }
  }
  return undefined
}

/** True when the error is an author mistake we can print as is. */
export function isContentError(error: unknown): error is ContentError {
  return error instanceof ContentError
}

export { listAssets, readAsset } from './assets.ts'
export { codeModuleOf } from './code-files.ts'
export { lastUpdated } from './git.ts'

import fs from 'node:fs'
import path from 'node:path'
import type { CourseFiles } from './course-files.ts'
import { closestMatch, ContentError, displayPath, type ProblemList } from './errors.ts'
import { listingPoint } from './manifest-edit.ts'
import type { LoadOptions } from './model.ts'
import { parseYamlWith, type ParsedYaml } from './parse-yaml.ts'
import { CourseManifestSchema, SLUG_PATTERN, type CourseManifest } from './schema.ts'

/** A course's course.yaml: reading it, and checking it against the files of the course. */

/** Course slugs that would collide with the site's own top-level paths. */
const RESERVED_COURSE_SLUGS = new Set([
  '_next',
  'pagefind',
  'search',
  '404',
  'sitemap.xml',
  'robots.txt',
])

export interface Manifest extends ParsedYaml<CourseManifest> {
  file: string
  /** The file's text, for hints that name a line of it. */
  text: string
}

/** Reads and validates `<dir>/course.yaml`; throws a ContentError when the course cannot load. */
export function readManifest(dir: string): Manifest {
  const slug = path.basename(dir)
  const file = path.join(dir, 'course.yaml')
  if (!SLUG_PATTERN.test(slug) || RESERVED_COURSE_SLUGS.has(slug)) {
    throw new ContentError([
      {
        file: dir,
        message: `"${slug}" cannot be a course folder name`,
        hint: RESERVED_COURSE_SLUGS.has(slug)
          ? `It is reserved for the site itself (${[...RESERVED_COURSE_SLUGS].join(', ')}).`
          : 'Course folders are URL segments: lower-case letters, digits and hyphens, e.g. distributed-systems.',
      },
    ])
  }
  if (!fs.existsSync(file)) {
    throw new ContentError([
      {
        file: dir,
        message: 'this course folder has no course.yaml',
        hint: 'Every folder in content/ is a course and needs a course.yaml manifest (title, description, parts).',
      },
    ])
  }
  const text = fs.readFileSync(file, 'utf8')
  return { file, text, ...parseYamlWith(CourseManifestSchema, text, { file }) }
}

/** Where a listed lecture sits in the manifest. */
export interface Listing {
  partIndex: number
  line: number | undefined
}

/**
 * The manifest is the single source of order: checks its lectures against the files, both
 * ways, the lectures its stages and lab listings name, and unique ids. Returns the listed
 * lectures in reading order. (Labs with a handout are checked against it in labs.ts.)
 */
export function crossCheckManifest(
  manifest: Manifest,
  files: CourseFiles,
  problems: ProblemList,
  options: Pick<LoadOptions, 'tolerant'>,
): Map<string, Listing> {
  const { data, file: manifestFile } = manifest
  const slug = path.basename(path.dirname(manifestFile))
  const listed = new Map<string, Listing>()
  data.parts.forEach((part, partIndex) => {
    part.lectures.forEach((lectureSlug, lectureIndex) => {
      const line = manifest.lineOf(['parts', partIndex, 'lectures', lectureIndex])
      if (listed.has(lectureSlug)) {
        problems.add({
          file: manifestFile,
          line,
          message: `duplicate slug "${lectureSlug}" in parts`,
          hint: 'Each lecture is listed exactly once.',
        })
      } else if (!files.lectures.has(lectureSlug)) {
        const suggestion = closestMatch(lectureSlug, [...files.lectures.keys()])
        problems.add({
          file: manifestFile,
          line,
          message: `parts lists "${lectureSlug}" but content/${slug}/${lectureSlug}.mdx (or .md) does not exist`,
          hint: suggestion
            ? `Did you mean "${suggestion}"?`
            : 'Create the file, or remove the entry.',
        })
      } else {
        listed.set(lectureSlug, { partIndex, line })
      }
    })
  })
  const insertAt = whereToList(manifest)
  // The dev server has no page for an unlisted file; the content check and builds report it.
  for (const [fileSlug, file] of options.tolerant ? [] : files.lectures) {
    if (!listed.has(fileSlug) && !problems.items.some((problem) => problem.file === file)) {
      problems.add({
        file,
        message: 'this lecture is not listed in course.yaml',
        hint: `List "${fileSlug}" among the lectures of a part in course.yaml, ${insertAt}.`,
      })
    }
  }
  const checkReferences = (section: 'stages' | 'labs', entries: unknown[]) => {
    entries.forEach((entry, entryIndex) => {
      if (typeof entry !== 'object' || entry === null || !('lectures' in entry)) return
      ;(entry.lectures as string[] | undefined)?.forEach((lectureSlug, lectureIndex) => {
        if (!listed.has(lectureSlug)) {
          problems.add({
            file: manifestFile,
            line: manifest.lineOf([section, entryIndex, 'lectures', lectureIndex]),
            message: `${section}[${entryIndex}] refers to "${lectureSlug}", which no part lists`,
            hint: `Known lectures: ${[...listed.keys()].join(', ') || '(none)'}.`,
          })
        }
      })
    })
  }
  checkReferences('stages', data.stages ?? [])
  checkReferences('labs', data.labs ?? [])
  const checkUniqueIds = (section: 'parts' | 'labs', ids: string[]) => {
    const seen = new Set<string>()
    ids.forEach((id, index) => {
      if (seen.has(id)) {
        problems.add({
          file: manifestFile,
          line: manifest.lineOf(
            typeof data.labs?.[index] === 'string' && section === 'labs'
              ? [section, index]
              : [section, index, 'id'],
          ),
          message: `duplicate ${section} id "${id}"`,
          hint: 'Ids must be unique within a course.',
        })
      }
      seen.add(id)
    })
  }
  checkUniqueIds(
    'parts',
    data.parts.map((part) => part.id),
  )
  checkUniqueIds(
    'labs',
    (data.labs ?? []).map((lab) => (typeof lab === 'string' ? lab : lab.id)),
  )
  return listed
}

/** The hint for a lecture the manifest does not list: the line where it would go. */
function whereToList(manifest: Manifest): string {
  const point = listingPoint(manifest.data, manifest.lineOf, manifest.text)
  if (!point) return 'e.g. at the end of the last part'
  const where = point.flow
    ? `inside the list at ${displayPath(manifest.file)}:${point.line}`
    : `as a new line ${displayPath(manifest.file)}:${point.line + 1}`
  return `e.g. ${where}, after "${point.after}" in part "${point.partTitle}"`
}

import fs from 'node:fs'
import path from 'node:path'
import { coursePath } from '../urls.ts'
import { findCourseFiles, isPageFile } from './course-files.ts'
import { ContentError, ProblemList } from './errors.ts'
import { loadLabs } from './labs.ts'
import {
  brokenLecture,
  keepWithTheirLectures,
  linkNeighbours,
  loadLecture,
  refOf,
  resolvePrerequisites,
} from './lectures.ts'
import { crossCheckManifest, readManifest } from './manifest.ts'
import type { Course, Lecture, LoadOptions, Overview, Site } from './model.ts'
import { loadOverview } from './overview.ts'
import { parseYamlWith } from './parse-yaml.ts'
import { SiteConfigSchema } from './schema.ts'

/**
 * Loads the site: site.yaml, then each course folder. The steps live in modules of their own:
 * course-files.ts (which files are pages), manifest.ts (course.yaml and its cross-checks),
 * lectures.ts, labs.ts and overview.ts (the pages), model.ts (the types).
 */

const DEFAULT_LANGUAGE = 'zh-CN'
const DEFAULT_BRANCH = 'main'

function loadSiteConfig(contentDir: string): Omit<Site, 'courses'> {
  const file = path.join(contentDir, 'site.yaml')
  const defaults = {
    title: '课程',
    description: '课程讲义',
    language: DEFAULT_LANGUAGE,
    repository: undefined,
    branch: DEFAULT_BRANCH,
  }
  if (!fs.existsSync(file)) return defaults
  const { data } = parseYamlWith(SiteConfigSchema, fs.readFileSync(file, 'utf8'), { file })
  return {
    ...data,
    language: data.language ?? DEFAULT_LANGUAGE,
    repository: data.repository?.replace(/\/+$/, ''),
    branch: data.branch ?? DEFAULT_BRANCH,
  }
}

/**
 * Reads and validates every course under `contentDir`. All problems of the site are
 * collected and thrown together as one ContentError.
 */
export function loadSite(contentDir: string, options: LoadOptions): Site {
  const problems = new ProblemList()
  let config: Omit<Site, 'courses'> = {
    title: '',
    description: '',
    language: DEFAULT_LANGUAGE,
    repository: undefined,
    branch: DEFAULT_BRANCH,
  }
  try {
    config = loadSiteConfig(contentDir)
  } catch (error) {
    problems.absorb(error)
  }

  const courses: Course[] = []
  for (const entry of fs
    .readdirSync(contentDir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(contentDir, entry.name)
    if (!entry.isDirectory()) {
      if (isPageFile(entry.name)) {
        problems.add({
          file: full,
          message: 'a page file directly in content/ belongs to no course',
          hint: 'Move it into a course folder (content/<course>/) and list it in that course.yaml.',
        })
      }
      continue
    }
    try {
      const repository = config.repository
        ? { url: config.repository, branch: config.branch }
        : undefined
      courses.push(loadCourse(full, { ...options, repository }))
    } catch (error) {
      problems.absorb(error)
    }
  }
  if (courses.length === 0 && problems.items.length === 0) {
    problems.add({
      file: contentDir,
      message: 'no course found',
      hint: 'Create content/<course>/course.yaml (see README: "Write a lecture").',
    })
  }
  problems.throwIfAny()
  // Guides (the authors' handbook) come after the courses in the catalog.
  courses.sort((a, b) => Number(a.kind === 'guide') - Number(b.kind === 'guide'))
  return { ...config, courses }
}

export function loadCourse(dir: string, options: LoadOptions): Course {
  const slug = path.basename(dir)
  const problems = new ProblemList()
  const manifest = readManifest(dir)
  const { data } = manifest
  const files = findCourseFiles(dir, problems)
  const listed = crossCheckManifest(manifest, files, problems, options)
  problems.throwIfAny()

  // Lectures in manifest order; the number is the position, never typed by hand.
  const lectures: Lecture[] = []
  for (const [index, lectureSlug] of [...listed.keys()].entries()) {
    try {
      const part = data.parts[listed.get(lectureSlug)!.partIndex]!
      const context = { course: slug, number: index + 1, part }
      const file = files.lectures.get(lectureSlug)!
      try {
        lectures.push(loadLecture(file, context))
      } catch (error) {
        if (!options.tolerant || !(error instanceof ContentError)) throw error
        lectures.push(brokenLecture(file, context, error.problems))
      }
    } catch (error) {
      problems.absorb(error)
    }
  }
  problems.throwIfAny()
  resolvePrerequisites(lectures, problems)
  if (options.tolerant) keepWithTheirLectures(problems, lectures)
  problems.throwIfAny()

  const published = lectures.filter((lecture) => options.includeDrafts || !lecture.draft)
  linkNeighbours(published)
  const bySlug = new Map(lectures.map((lecture) => [lecture.slug, lecture]))
  const isPublished = (lecture: Lecture | undefined): lecture is Lecture =>
    lecture !== undefined && published.includes(lecture)
  const pick = (slugs: string[] | undefined) =>
    (slugs ?? []).map((lectureSlug) => bySlug.get(lectureSlug)).filter(isPublished)

  const labs = loadLabs(
    manifest,
    { course: slug, courseDir: dir, lectures: bySlug, isPublished },
    problems,
  )

  let overview: Overview | undefined
  if (files.overview) {
    try {
      overview = loadOverview(files.overview, slug)
    } catch (error) {
      problems.absorb(error)
    }
  }
  problems.throwIfAny()

  return {
    slug,
    dir,
    manifestFile: manifest.file,
    title: data.title,
    description: data.description,
    language: data.language ?? DEFAULT_LANGUAGE,
    kind: data.kind ?? 'course',
    level: data.level,
    unit: data.unit ?? '讲',
    languages: data.languages ?? ['go'],
    ...courseRepository(data, options.repository),
    path: coursePath(slug),
    lectures: published,
    parts: data.parts
      .map((part) => ({ id: part.id, title: part.title, lectures: pick(part.lectures) }))
      .filter((part) => part.lectures.length > 0),
    stages: (data.stages ?? []).map((stage) => ({
      title: stage.title,
      goals: stage.goals ?? [],
      lectures: pick(stage.lectures),
    })),
    labs,
    labListings: (data.labs ?? []).flatMap((lab) =>
      typeof lab === 'string'
        ? []
        : [
            {
              id: lab.id,
              title: lab.title,
              description: lab.description,
              lectures: pick(lab.lectures).map(refOf),
            },
          ],
    ),
    overview,
    totalMinutes: published.reduce((sum, lecture) => sum + (lecture.duration ?? 0), 0),
  }
}

/** The course's own repository, or else the site's; the branch follows the repository. */
function courseRepository(
  data: { repository?: string; branch?: string },
  site: LoadOptions['repository'],
): { repository: string | undefined; branch: string } {
  if (data.repository)
    return {
      repository: data.repository.replace(/\/+$/, ''),
      branch: data.branch ?? DEFAULT_BRANCH,
    }
  return { repository: site?.url, branch: data.branch ?? site?.branch ?? DEFAULT_BRANCH }
}

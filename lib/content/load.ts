import fs from 'node:fs'
import path from 'node:path'
import type { Heading } from '../mdx/heading-ids.ts'
import { formatOf, type SourceFormat } from '../mdx/parse.ts'
import { coursePath, lecturePath, ASSET_FOLDER, CODE_FOLDER } from '../urls.ts'
import { readingMinutes, type ExerciseEntry } from './analyze.ts'
import { pageSummary } from './page-summary.ts'
import {
  closestMatch,
  ContentError,
  displayPath,
  ProblemList,
  type ContentProblem,
} from './errors.ts'
import { listingPoint } from './manifest-edit.ts'
import { parseYamlWith } from './parse-yaml.ts'
import {
  CourseManifestSchema,
  LectureFrontmatterSchema,
  OverviewFrontmatterSchema,
  SiteConfigSchema,
  SLUG_PATTERN,
  type Reading,
  type Video,
} from './schema.ts'

/** A small, serialisable pointer to a lecture, for navigation and listings. */
export interface LectureRef {
  slug: string
  title: string
  description: string
  number: number
  /** Site path without the base path. */
  path: string
}

export interface Lecture extends LectureRef {
  course: string
  /** Absolute path of the source file. */
  file: string
  /** The file's path inside `content/`, e.g. `distributed-systems/lecture-05.mdx`. */
  contentPath: string
  format: SourceFormat
  duration: number | undefined
  video: Video | undefined
  readings: Reading[]
  objectives: string[]
  prerequisites: LectureRef[]
  draft: boolean
  part: { id: string; title: string }
  previous: LectureRef | undefined
  next: LectureRef | undefined
  headings: Heading[]
  /** Level-2 and level-3 headings of the article, for "on this page". */
  toc: Heading[]
  exercises: ExerciseEntry[]
  anchors: Set<string>
  readingMinutes: number
  hanCount: number
  wordCount: number
  hasMermaid: boolean
  /**
   * In development only: what is wrong with this lecture. The dev server shows them on its page
   * and keeps serving every other page; a build stops on them instead.
   */
  problems: ContentProblem[]
}

export interface Overview {
  file: string
  contentPath: string
  format: SourceFormat
  title: string | undefined
  description: string | undefined
  headings: Heading[]
  anchors: Set<string>
  hasMermaid: boolean
}

export interface Course {
  slug: string
  dir: string
  manifestFile: string
  title: string
  description: string
  language: string
  kind: 'course' | 'guide'
  level: string | undefined
  /** The word in "第 5 讲". */
  unit: string
  /** Languages of the code samples, main one first; empty for a course without code. */
  languages: string[]
  repository: string | undefined
  /** Branch of the repository that "edit this page" opens. */
  branch: string
  path: string
  /** Published lectures in reading order (drafts only when drafts are included). */
  lectures: Lecture[]
  parts: { id: string; title: string; lectures: Lecture[] }[]
  stages: { title: string; goals: string[]; lectures: Lecture[] }[]
  labs: { id: string; title: string; description: string | undefined; lectures: Lecture[] }[]
  overview: Overview | undefined
  /** Total video minutes of the published lectures. */
  totalMinutes: number
}

export interface Site {
  title: string
  description: string
  language: string
  /** The GitHub repository of the site (site.yaml), for edit and report links. */
  repository: string | undefined
  branch: string
  courses: Course[]
}

export interface LoadOptions {
  includeDrafts: boolean
  /**
   * The dev server's mode: a mistake inside one lecture (its frontmatter, its syntax, a
   * prerequisite, a file not yet listed) stays with that lecture instead of failing the site.
   */
  tolerant?: boolean
  /** The site's repository, which a course without its own inherits. */
  repository?: { url: string; branch: string }
}

const PAGE_EXTENSIONS = ['.mdx', '.md']
const OVERVIEW_SLUG = 'overview'
/** Lecture slugs that would collide with other routes of a course. */
const RESERVED_LECTURE_SLUGS = new Set([OVERVIEW_SLUG, ASSET_FOLDER, CODE_FOLDER])
/** Course slugs that would collide with the site's own top-level paths. */
const RESERVED_COURSE_SLUGS = new Set([
  '_next',
  'pagefind',
  'search',
  '404',
  'sitemap.xml',
  'robots.txt',
])
const DEFAULT_LANGUAGE = 'zh-CN'
const DEFAULT_BRANCH = 'main'

function isPageFile(name: string): boolean {
  return PAGE_EXTENSIONS.some((extension) => name.endsWith(extension))
}

/** Lists every page file below `dir`, to reject the ones in places where they would be ignored. */
function nestedPageFiles(dir: string): string[] {
  const found: string[] = []
  for (const entry of fs.readdirSync(dir, { withFileTypes: true })) {
    if (entry.name.startsWith('.')) continue
    const full = path.join(dir, entry.name)
    if (entry.isDirectory()) found.push(...nestedPageFiles(full))
    else if (isPageFile(entry.name)) found.push(full)
  }
  return found
}

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
  const manifestFile = path.join(dir, 'course.yaml')
  const problems = new ProblemList()

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
  if (!fs.existsSync(manifestFile)) {
    throw new ContentError([
      {
        file: dir,
        message: 'this course folder has no course.yaml',
        hint: 'Every folder in content/ is a course and needs a course.yaml manifest (title, description, parts).',
      },
    ])
  }
  const manifestText = fs.readFileSync(manifestFile, 'utf8')
  const manifest = parseYamlWith(CourseManifestSchema, manifestText, { file: manifestFile })
  const { data } = manifest

  // Page files on disk, by slug.
  const files = new Map<string, string>()
  let overviewFile: string | undefined
  for (const file of nestedPageFiles(dir).sort()) {
    const relative = path.relative(dir, file)
    const name = path.basename(file)
    const fileSlug = name.replace(/\.mdx?$/, '')
    if (relative !== name) {
      problems.add({
        file,
        message: 'page files in subfolders are not built',
        hint: `Lectures sit directly in content/${slug}/; subfolders hold assets (${ASSET_FOLDER}/).`,
      })
    } else if (fileSlug === OVERVIEW_SLUG) {
      if (overviewFile)
        problems.add({
          file,
          message: `duplicate overview: ${path.basename(overviewFile)} and ${name}`,
          hint: 'Keep one of overview.md and overview.mdx.',
        })
      overviewFile = file
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
    } else if (files.has(fileSlug)) {
      problems.add({
        file,
        message: `duplicate slug "${fileSlug}": ${path.basename(files.get(fileSlug)!)} and ${name} would both be /${slug}/${fileSlug}/`,
        hint: 'Keep one of the two files, or rename one.',
      })
    } else {
      files.set(fileSlug, file)
    }
  }

  // The manifest is the single source of order: check it against the files, both ways.
  const listed = new Map<string, { partIndex: number; line: number | undefined }>()
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
      } else if (!files.has(lectureSlug)) {
        const suggestion = closestMatch(lectureSlug, [...files.keys()])
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
  const insertAt = whereToList(data, manifest.lineOf, manifestFile, manifestText)
  // The dev server has no page for an unlisted file; the content check and builds report it.
  for (const [fileSlug, file] of options.tolerant ? [] : files) {
    if (!listed.has(fileSlug) && !problems.items.some((problem) => problem.file === file)) {
      problems.add({
        file,
        message: 'this lecture is not listed in course.yaml',
        hint: `List "${fileSlug}" among the lectures of a part in course.yaml, ${insertAt}.`,
      })
    }
  }
  const checkReferences = (section: 'stages' | 'labs', entries: { lectures?: string[] }[]) => {
    entries.forEach((entry, entryIndex) => {
      entry.lectures?.forEach((lectureSlug, lectureIndex) => {
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
  const checkUniqueIds = (section: 'parts' | 'labs', entries: { id: string }[]) => {
    const seen = new Set<string>()
    entries.forEach((entry, index) => {
      if (seen.has(entry.id)) {
        problems.add({
          file: manifestFile,
          line: manifest.lineOf([section, index, 'id']),
          message: `duplicate ${section} id "${entry.id}"`,
          hint: 'Ids must be unique within a course.',
        })
      }
      seen.add(entry.id)
    })
  }
  checkUniqueIds('parts', data.parts)
  checkUniqueIds('labs', data.labs ?? [])
  problems.throwIfAny()

  // Lectures in manifest order; the number is the position, never typed by hand.
  const order = [...listed.keys()]
  const lectures: Lecture[] = []
  for (const [index, lectureSlug] of order.entries()) {
    try {
      const part = data.parts[listed.get(lectureSlug)!.partIndex]!
      const context = { course: slug, number: index + 1, part }
      const file = files.get(lectureSlug)!
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

  const bySlug = new Map(lectures.map((lecture) => [lecture.slug, lecture]))
  for (const lecture of lectures) {
    lecture.prerequisites = lecture.prerequisites.map((reference, index) => {
      const target = bySlug.get(reference.slug)
      const line = frontmatterLines.get(lecture)?.(['prerequisites', index])
      if (!target) {
        const suggestion = closestMatch(reference.slug, [...bySlug.keys()])
        problems.add({
          file: lecture.file,
          line,
          message: `prerequisites: "${reference.slug}" is not a lecture of this course`,
          hint: suggestion
            ? `Did you mean "${suggestion}"?`
            : `Lectures: ${[...bySlug.keys()].join(', ')}.`,
        })
        return reference
      }
      if (target.number >= lecture.number) {
        problems.add({
          file: lecture.file,
          line,
          message: `prerequisites: "${reference.slug}" comes after this lecture in course.yaml`,
          hint: 'A prerequisite must be an earlier lecture.',
        })
      }
      return refOf(target)
    })
  }
  if (options.tolerant) keepWithTheirLectures(problems, lectures)
  problems.throwIfAny()

  const published = lectures.filter((lecture) => options.includeDrafts || !lecture.draft)
  published.forEach((lecture, index) => {
    const previous = published[index - 1]
    const next = published[index + 1]
    lecture.previous = previous && refOf(previous)
    lecture.next = next && refOf(next)
  })
  const isPublished = (lecture: Lecture | undefined): lecture is Lecture =>
    lecture !== undefined && published.includes(lecture)
  const pick = (slugs: string[] | undefined) =>
    (slugs ?? []).map((lectureSlug) => bySlug.get(lectureSlug)).filter(isPublished)

  let overview: Overview | undefined
  if (overviewFile) {
    try {
      overview = loadOverview(overviewFile, slug)
    } catch (error) {
      problems.absorb(error)
    }
  }
  problems.throwIfAny()

  return {
    slug,
    dir,
    manifestFile,
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
    labs: (data.labs ?? []).map((lab) => ({
      id: lab.id,
      title: lab.title,
      description: lab.description,
      lectures: pick(lab.lectures),
    })),
    overview,
    totalMinutes: published.reduce((sum, lecture) => sum + (lecture.duration ?? 0), 0),
  }
}

/** The hint for a lecture the manifest does not list: the line where it would go. */
function whereToList(
  data: { parts: { id: string; title: string; lectures: string[] }[] },
  lineOf: (path: (string | number)[]) => number | undefined,
  manifestFile: string,
  manifestText: string,
): string {
  const point = listingPoint(data, lineOf, manifestText)
  if (!point) return 'e.g. at the end of the last part'
  const where = point.flow
    ? `inside the list at ${displayPath(manifestFile)}:${point.line}`
    : `as a new line ${displayPath(manifestFile)}:${point.line + 1}`
  return `e.g. ${where}, after "${point.after}" in part "${point.partTitle}"`
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

function refOf(lecture: Lecture): LectureRef {
  return {
    slug: lecture.slug,
    title: lecture.title,
    description: lecture.description,
    number: lecture.number,
    path: lecture.path,
  }
}

/** Moves the problems of a lecture's own file onto that lecture (the dev server's mode). */
function keepWithTheirLectures(problems: ProblemList, lectures: Lecture[]): void {
  const byFile = new Map(lectures.map((lecture) => [lecture.file, lecture]))
  const rest = problems.items.filter((problem) => {
    const lecture = byFile.get(problem.file)
    lecture?.problems.push(problem)
    return !lecture
  })
  problems.items.splice(0, problems.items.length, ...rest)
}

/** A lecture that could not be read, kept in its place so the dev server can show why. */
function brokenLecture(file: string, context: LectureContext, problems: ContentProblem[]): Lecture {
  const slug = path.basename(file).replace(/\.mdx?$/, '')
  return {
    ...lectureBase(file, context),
    title: slug,
    description: problems[0]?.message ?? slug,
    problems,
  }
}

function lectureBase(
  file: string,
  context: LectureContext,
): Omit<Lecture, 'title' | 'description' | 'problems'> {
  const slug = path.basename(file).replace(/\.mdx?$/, '')
  return {
    slug,
    course: context.course,
    file,
    contentPath: `${context.course}/${path.basename(file)}`,
    format: formatOf(file),
    number: context.number,
    path: lecturePath(context.course, slug),
    duration: undefined,
    video: undefined,
    readings: [],
    objectives: [],
    prerequisites: [],
    draft: false,
    part: { id: context.part.id, title: context.part.title },
    previous: undefined,
    next: undefined,
    headings: [],
    toc: [],
    exercises: [],
    anchors: new Set(),
    readingMinutes: 0,
    hanCount: 0,
    wordCount: 0,
    hasMermaid: false,
  }
}

/** Where each lecture's frontmatter fields are, for problems found after validation. */
const frontmatterLines = new WeakMap<Lecture, (path: (string | number)[]) => number | undefined>()

interface LectureContext {
  course: string
  number: number
  part: { id: string; title: string }
}

function loadLecture(file: string, context: LectureContext): Lecture {
  const { frontmatter, analysis } = pageSummary(file)
  if (!frontmatter) {
    throw new ContentError([
      {
        file,
        line: 1,
        message: 'the lecture has no frontmatter',
        hint: 'Start the file with a YAML block between --- lines holding at least title: and description:.',
      },
    ])
  }
  const { data, lineOf } = parseYamlWith(LectureFrontmatterSchema, frontmatter.text, {
    file,
    lineOffset: frontmatter.line,
  })
  const lecture: Lecture = {
    ...lectureBase(file, context),
    title: data.title,
    description: data.description,
    duration: data.duration,
    video: data.video,
    readings: data.readings ?? [],
    objectives: data.objectives ?? [],
    // Resolved against the course once every lecture is loaded.
    prerequisites: (data.prerequisites ?? []).map((prerequisite) => ({
      slug: prerequisite,
      title: '',
      description: '',
      number: 0,
      path: '',
    })),
    draft: data.draft ?? false,
    headings: analysis.headings,
    toc: analysis.headings.filter(
      (heading) => heading.topLevel && (heading.depth === 2 || heading.depth === 3),
    ),
    exercises: analysis.exercises,
    anchors: analysis.anchors,
    readingMinutes: readingMinutes(analysis.hanCount, analysis.wordCount),
    hanCount: analysis.hanCount,
    wordCount: analysis.wordCount,
    hasMermaid: analysis.hasMermaid,
    problems: [],
  }
  frontmatterLines.set(lecture, lineOf)
  return lecture
}

function loadOverview(file: string, course: string): Overview {
  const { frontmatter, analysis } = pageSummary(file)
  const data = frontmatter
    ? parseYamlWith(OverviewFrontmatterSchema, frontmatter.text, {
        file,
        lineOffset: frontmatter.line,
      }).data
    : {}
  return {
    file,
    contentPath: `${course}/${path.basename(file)}`,
    format: formatOf(file),
    title: data.title,
    description: data.description,
    headings: analysis.headings,
    anchors: analysis.anchors,
    hasMermaid: analysis.hasMermaid,
  }
}

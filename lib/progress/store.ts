/**
 * The reader's progress, kept in localStorage under one versioned key. Pure functions over a
 * plain object, so the browser components and the unit tests share every rule: parsing
 * (corrupt or old data is ignored with a warning, never a crash), completion, the last place
 * read, checklist ticks, and export/import. Nothing here leaves the browser.
 */

export const PROGRESS_KEY = 'course-site:progress'
export const PROGRESS_VERSION = 2

export interface LastRead {
  lecture: string
  /** Id of the section in view when the reader left. */
  section?: string
  /** ISO time. */
  at: string
}

export interface CourseProgress {
  /** Lecture slug → ISO time it was marked complete. */
  completed: Record<string, string>
  last?: LastRead
  /** `lecture/item-key` → ticked, for the study checklists (GFM task lists). */
  checklist: Record<string, boolean>
}

export interface Progress {
  version: typeof PROGRESS_VERSION
  courses: Record<string, CourseProgress>
}

export function emptyProgress(): Progress {
  return { version: PROGRESS_VERSION, courses: {} }
}

const isRecord = (value: unknown): value is Record<string, unknown> =>
  typeof value === 'object' && value !== null && !Array.isArray(value)
const isTime = (value: unknown): value is string =>
  typeof value === 'string' && !Number.isNaN(Date.parse(value))
const SLUG = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

function cleanCourse(raw: unknown): CourseProgress {
  const course: CourseProgress = { completed: {}, checklist: {} }
  if (!isRecord(raw)) return course
  if (isRecord(raw.completed)) {
    for (const [lecture, time] of Object.entries(raw.completed))
      if (SLUG.test(lecture) && isTime(time)) course.completed[lecture] = time
  }
  if (isRecord(raw.checklist)) {
    for (const [key, ticked] of Object.entries(raw.checklist))
      if (ticked === true) course.checklist[key] = true
  }
  const last = raw.last
  if (
    isRecord(last) &&
    typeof last.lecture === 'string' &&
    SLUG.test(last.lecture) &&
    isTime(last.at)
  ) {
    course.last = {
      lecture: last.lecture,
      at: last.at,
      ...(typeof last.section === 'string' ? { section: last.section } : {}),
    }
  }
  return course
}

/**
 * Reads stored progress. Version 1 (`{ completed: { "course/lecture": true } }`, the first
 * format) is migrated; anything unreadable yields empty progress and a console warning.
 */
export function parseProgress(
  text: string | null,
  warn: (message: string) => void = console.warn,
): Progress {
  if (text === null || text === '') return emptyProgress()
  let raw: unknown
  try {
    raw = JSON.parse(text)
  } catch {
    warn(`[progress] Stored progress is not valid JSON and was ignored.`)
    return emptyProgress()
  }
  if (isRecord(raw) && raw.version === 1 && isRecord(raw.completed)) {
    const migrated = emptyProgress()
    for (const [key, done] of Object.entries(raw.completed)) {
      const [course, lecture] = key.split('/')
      if (done === true && course && lecture && SLUG.test(course) && SLUG.test(lecture)) {
        const entry = (migrated.courses[course] ??= { completed: {}, checklist: {} })
        entry.completed[lecture] = new Date(0).toISOString()
      }
    }
    return migrated
  }
  if (!isRecord(raw) || raw.version !== PROGRESS_VERSION || !isRecord(raw.courses)) {
    warn(`[progress] Stored progress has an unknown format and was ignored.`)
    return emptyProgress()
  }
  const progress = emptyProgress()
  for (const [course, entry] of Object.entries(raw.courses))
    if (SLUG.test(course)) progress.courses[course] = cleanCourse(entry)
  return progress
}

function courseOf(progress: Progress, course: string): CourseProgress {
  return progress.courses[course] ?? { completed: {}, checklist: {} }
}

function withCourse(
  progress: Progress,
  course: string,
  update: (entry: CourseProgress) => CourseProgress,
): Progress {
  return {
    ...progress,
    courses: { ...progress.courses, [course]: update(courseOf(progress, course)) },
  }
}

export function isComplete(progress: Progress, course: string, lecture: string): boolean {
  return lecture in courseOf(progress, course).completed
}

export function setComplete(
  progress: Progress,
  course: string,
  lecture: string,
  complete: boolean,
  now = new Date(),
): Progress {
  return withCourse(progress, course, (entry) => {
    const completed = { ...entry.completed }
    if (complete) completed[lecture] = now.toISOString()
    else delete completed[lecture]
    return { ...entry, completed }
  })
}

export function setLastRead(
  progress: Progress,
  course: string,
  lecture: string,
  section: string | undefined,
  now = new Date(),
): Progress {
  return withCourse(progress, course, (entry) => ({
    ...entry,
    last: { lecture, ...(section ? { section } : {}), at: now.toISOString() },
  }))
}

export function lastRead(progress: Progress, course: string): LastRead | undefined {
  return courseOf(progress, course).last
}

/** The progress with one course forgotten; every other course's progress stays. */
export function withoutCourse(progress: Progress, course: string): Progress {
  const courses = { ...progress.courses }
  delete courses[course]
  return { ...progress, courses }
}

/**
 * Where the reader picks the course up: the lecture last read (at its section), else the first
 * lecture not complete. Undefined before any progress, and once every lecture is complete and
 * nothing was read.
 */
export function continueAt<L extends { slug: string; path: string }>(
  progress: Progress,
  course: string,
  lectures: L[],
): { lecture: L; href: string; resumed: boolean } | undefined {
  const entry = progress.courses[course]
  if (!entry) return undefined
  const last = entry.last && lectures.find((lecture) => lecture.slug === entry.last!.lecture)
  if (last) {
    const section = entry.last!.section
    return { lecture: last, href: `${last.path}${section ? `#${section}` : ''}`, resumed: true }
  }
  if (!lectures.some((lecture) => lecture.slug in entry.completed)) return undefined
  const next = lectures.find((lecture) => !(lecture.slug in entry.completed))
  return next && { lecture: next, href: next.path, resumed: false }
}

/** Slugs of the given lectures that are complete. */
export function completedAmong(progress: Progress, course: string, lectures: string[]): string[] {
  const completed = courseOf(progress, course).completed
  return lectures.filter((lecture) => lecture in completed)
}

export function isTicked(progress: Progress, course: string, key: string): boolean {
  return courseOf(progress, course).checklist[key] === true
}

export function setTicked(
  progress: Progress,
  course: string,
  key: string,
  ticked: boolean,
): Progress {
  return withCourse(progress, course, (entry) => {
    const checklist = { ...entry.checklist }
    if (ticked) checklist[key] = true
    else delete checklist[key]
    return { ...entry, checklist }
  })
}

/** A stable key for a checklist item: its page and its text, so edits elsewhere keep the tick. */
export function checklistKey(lecture: string, itemText: string): string {
  return `${lecture}/${itemText.replace(/\s+/g, ' ').trim()}`
}

/** The export file: the stored format, pretty-printed. */
export function exportProgress(progress: Progress): string {
  return `${JSON.stringify(progress, null, 2)}\n`
}

/** Reads an exported file; throws with a reader-facing message when it is not one. */
export function importProgress(text: string): Progress {
  let problem: string | undefined
  const progress = parseProgress(text, (message) => {
    problem = message
  })
  if (problem) throw new Error('这个文件不是本站导出的学习进度（JSON 格式不对或版本未知）。')
  return progress
}

/** Where a lab part marked complete is kept among the ticks: `labs/lab-3#3a`. */
export function labPartKey(lab: string, part: string): string {
  return `labs/${lab}#${part}`
}

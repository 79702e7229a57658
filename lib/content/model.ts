import type { Heading } from '../mdx/heading-ids.ts'
import type { SourceFormat } from '../mdx/parse.ts'
import type { ExerciseEntry } from './analyze.ts'
import type { Reading, Video } from './schema.ts'

/** The validated content model: what the loaders build and the pages read. */

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
  courses: Course[]
}

export interface LoadOptions {
  includeDrafts: boolean
}

import type { Heading } from '../mdx/heading-ids.ts'
import type { SourceFormat } from '../mdx/parse.ts'
import type { ExerciseEntry } from './analyze.ts'
import type { ContentProblem } from './errors.ts'
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
  /** Labs that practise this lecture. */
  labs: LabRef[]
  /**
   * In development only: what is wrong with this lecture. The dev server shows them on its page
   * and keeps serving every other page; a build stops on them instead.
   */
  problems: ContentProblem[]
}

/** A part of a lab as listings show it: id, title and the site path of its heading. */
export interface LabPartRef {
  /** Lower-case id such as 3b; also the anchor of its heading. */
  id: string
  title: string
  /** Site path of its heading, `/course/labs/lab-3/#3b`. */
  path: string
}

/** A small, serialisable pointer to a lab, for navigation and listings. */
export interface LabRef {
  id: string
  title: string
  description: string
  /** Site path without the base path. */
  path: string
  parts: LabPartRef[]
}

export interface LabPart extends LabPartRef {
  hours: number | undefined
  /** The `go test` command that grades it (labs with a kit). */
  test: string | undefined
}

export interface LabKit {
  /** `labs/<id>/kit/`: what the student downloads. */
  dir: string
  /** `labs/<id>/solution/`: the reference solution, laid over the kit; never published. */
  solutionDir: string
  /** Shared packages copied into the kit as top-level folders: name and folder. */
  include: { name: string; dir: string }[]
  /** File name of the download, `lab-3-kit.zip`. */
  archiveName: string
  /** Site path of the download. */
  archivePath: string
}

export interface Lab extends LabRef {
  parts: LabPart[]
  course: string
  /** Absolute path of the handout. */
  file: string
  /** The handout's path inside `content/`, e.g. `distributed-systems/labs/lab-3.mdx`. */
  contentPath: string
  format: SourceFormat
  hours: number
  /** The lectures it practises, in reading order (published ones). */
  lectures: LectureRef[]
  kit: LabKit | undefined
  headings: Heading[]
  toc: Heading[]
  exercises: ExerciseEntry[]
  anchors: Set<string>
  readingMinutes: number
  hanCount: number
  wordCount: number
  hasMermaid: boolean
}

/** A project course.yaml describes in place, without a handout: listed on the course home only. */
export interface LabListing {
  id: string
  title: string
  description: string | undefined
  lectures: LectureRef[]
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
  /** Labs with a handout, in course.yaml order. */
  labs: Lab[]
  /** Projects course.yaml only lists (no handout, no page), in its order. */
  labListings: LabListing[]
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

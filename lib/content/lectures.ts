import path from 'node:path'
import { formatOf } from '../mdx/parse.ts'
import { lecturePath } from '../urls.ts'
import { readingMinutes } from './analyze.ts'
import { closestMatch, ContentError, type ContentProblem, type ProblemList } from './errors.ts'
import type { Lecture, LectureRef } from './model.ts'
import { pageSummary } from './page-summary.ts'
import { parseYamlWith } from './parse-yaml.ts'
import { LectureFrontmatterSchema } from './schema.ts'

/** Lectures: one page file each, its frontmatter validated, linked to its neighbours. */

export function refOf(lecture: Lecture): LectureRef {
  return {
    slug: lecture.slug,
    title: lecture.title,
    description: lecture.description,
    number: lecture.number,
    path: lecture.path,
  }
}

/** Where each lecture's frontmatter fields are, for problems found after validation. */
const frontmatterLines = new WeakMap<Lecture, (path: (string | number)[]) => number | undefined>()

export interface LectureContext {
  course: string
  number: number
  part: { id: string; title: string }
}

export function loadLecture(file: string, context: LectureContext): Lecture {
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

/** A lecture that could not be read, kept in its place so the dev server can show why. */
export function brokenLecture(
  file: string,
  context: LectureContext,
  problems: ContentProblem[],
): Lecture {
  const slug = path.basename(file).replace(/\.mdx?$/, '')
  return {
    ...lectureBase(file, context),
    title: slug,
    description: problems[0]?.message ?? slug,
    problems,
  }
}

/** What a lecture is before its file is read: where it sits, and nothing found in it yet. */
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
    // Filled in once the course's labs are loaded.
    labs: [],
  }
}

/** Moves the problems of a lecture's own file onto that lecture (the dev server's mode). */
export function keepWithTheirLectures(problems: ProblemList, lectures: Lecture[]): void {
  const byFile = new Map(lectures.map((lecture) => [lecture.file, lecture]))
  const rest = problems.items.filter((problem) => {
    const lecture = byFile.get(problem.file)
    lecture?.problems.push(problem)
    return !lecture
  })
  problems.items.splice(0, problems.items.length, ...rest)
}

/** Replaces each lecture's prerequisite slugs by the earlier lectures they name. */
export function resolvePrerequisites(lectures: Lecture[], problems: ProblemList): void {
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
}

/** Sets previous and next along the published lectures, in reading order. */
export function linkNeighbours(published: Lecture[]): void {
  published.forEach((lecture, index) => {
    const previous = published[index - 1]
    const next = published[index + 1]
    lecture.previous = previous && refOf(previous)
    lecture.next = next && refOf(next)
  })
}

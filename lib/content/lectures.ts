import path from 'node:path'
import { formatOf } from '../mdx/parse.ts'
import { lecturePath } from '../urls.ts'
import { readingMinutes } from './analyze.ts'
import { closestMatch, ContentError, type ProblemList } from './errors.ts'
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
  const slug = path.basename(file).replace(/\.mdx?$/, '')
  const lecture: Lecture = {
    slug,
    course: context.course,
    file,
    contentPath: `${context.course}/${path.basename(file)}`,
    format: formatOf(file),
    number: context.number,
    path: lecturePath(context.course, slug),
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
    part: { id: context.part.id, title: context.part.title },
    previous: undefined,
    next: undefined,
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
    // Filled in once the course's labs are loaded.
    labs: [],
  }
  frontmatterLines.set(lecture, lineOf)
  return lecture
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

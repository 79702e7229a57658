import fs from 'node:fs'
import path from 'node:path'
import { headingIds, partOfHeading } from '../mdx/heading-ids.ts'
import { formatOf } from '../mdx/parse.ts'
import { kitArchiveName, kitArchivePath, LAB_FOLDER, labPath } from '../urls.ts'
import { readingMinutes } from './analyze.ts'
import { isPageFile } from './course-files.ts'
import { closestMatch, ContentError, type ProblemList } from './errors.ts'
import { LabFrontmatterSchema } from './lab-schema.ts'
import type { Manifest } from './manifest.ts'
import type { Lab, LabKit, LabRef, Lecture } from './model.ts'
import { pageSummary } from './page-summary.ts'
import { parseYamlWith } from './parse-yaml.ts'
import { SLUG_PATTERN } from './schema.ts'

/**
 * Labs: a handout `labs/<id>.mdx` per id that course.yaml lists, its frontmatter validated, its
 * parts' headings found, its kit (`labs/<id>/kit/`, `labs/<id>/solution/`, `labs/common/<pkg>/`)
 * checked to exist. Everything else in labs/ (kits, their READMEs) is not a page.
 */

/** Shared Go packages that kits include: `labs/common/<pkg>/`. */
export const COMMON_FOLDER = 'common'

/** The handouts in `<course>/labs/`, by id; misnamed page files become problems. */
export function findLabFiles(courseDir: string, problems: ProblemList): Map<string, string> {
  const dir = path.join(courseDir, LAB_FOLDER)
  const found = new Map<string, string>()
  if (!fs.existsSync(dir)) return found
  for (const entry of fs
    .readdirSync(dir, { withFileTypes: true })
    .sort((a, b) => a.name.localeCompare(b.name))) {
    if (!entry.isFile() || !isPageFile(entry.name)) continue
    const file = path.join(dir, entry.name)
    const id = entry.name.replace(/\.mdx?$/, '')
    if (!SLUG_PATTERN.test(id) || id === COMMON_FOLDER) {
      problems.add({
        file,
        message: `"${entry.name}" is not a valid lab handout name`,
        hint: `The file name is the lab's id and URL: lower-case letters, digits and hyphens, e.g. lab-3.mdx (not ${COMMON_FOLDER}).`,
      })
    } else if (found.has(id)) {
      problems.add({
        file,
        message: `duplicate lab "${id}": ${path.basename(found.get(id)!)} and ${entry.name}`,
        hint: 'Keep one of the two files.',
      })
    } else found.set(id, file)
  }
  return found
}

/** The lab ids course.yaml lists, checked against the handouts both ways. */
export function crossCheckLabs(
  manifest: Manifest,
  handouts: Map<string, string>,
  problems: ProblemList,
): string[] {
  const listed: string[] = []
  const courseDir = path.dirname(manifest.file)
  const ids = (manifest.data.labs ?? []).filter((entry) => typeof entry === 'string')
  ;(manifest.data.labs ?? []).forEach((id, index) => {
    if (typeof id !== 'string' || listed.includes(id)) return // a listing, or a duplicate (manifest.ts)
    const line = manifest.lineOf(['labs', index])
    if (!handouts.has(id)) {
      const suggestion = closestMatch(id, [...handouts.keys()])
      problems.add({
        file: manifest.file,
        line,
        message: `labs lists "${id}" but ${path.join('content', path.basename(courseDir), LAB_FOLDER, id)}.mdx does not exist`,
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : 'Write the handout (see the handbook page on labs), or remove the entry.',
      })
    } else listed.push(id)
  })
  for (const [id, file] of handouts) {
    if (!ids.includes(id)) {
      problems.add({
        file,
        message: 'this lab is not listed in course.yaml',
        hint: `Add "${id}" to labs: in ${path.join('content', path.basename(courseDir), 'course.yaml')}.`,
      })
    }
  }
  return listed
}

export interface LabContext {
  course: string
  courseDir: string
  /** Every lecture of the course, drafts included, by slug. */
  lectures: Map<string, Lecture>
  /** Whether a lecture is published in this build. */
  isPublished: (lecture: Lecture) => boolean
}

function dirExists(dir: string): boolean {
  return fs.existsSync(dir) && fs.statSync(dir).isDirectory()
}

export function loadLab(file: string, context: LabContext): Lab {
  const { frontmatter, analysis } = pageSummary(file)
  if (!frontmatter) {
    throw new ContentError([
      {
        file,
        line: 1,
        message: 'the lab handout has no frontmatter',
        hint: 'Start the file with a YAML block between --- lines holding title:, description:, lectures:, hours: and parts:.',
      },
    ])
  }
  const { data, lineOf } = parseYamlWith(LabFrontmatterSchema, frontmatter.text, {
    file,
    lineOffset: frontmatter.line,
  })
  const id = path.basename(file).replace(/\.mdx?$/, '')
  const labDir = path.join(context.courseDir, LAB_FOLDER, id)
  const problems: { line: number | undefined; message: string; hint: string }[] = []

  const lectures = data.lectures.flatMap((slug, index) => {
    const lecture = context.lectures.get(slug)
    if (!lecture) {
      const suggestion = closestMatch(slug, [...context.lectures.keys()])
      problems.push({
        line: lineOf(['lectures', index]),
        message: `lectures: "${slug}" is not a lecture of this course`,
        hint: suggestion
          ? `Did you mean "${suggestion}"?`
          : `Lectures: ${[...context.lectures.keys()].join(', ')}.`,
      })
      return []
    }
    return context.isPublished(lecture) ? [lecture] : []
  })

  // Part headings: each part has a top-level ## heading that starts with its id in upper case.
  const partIds = data.parts.map((part) => part.id)
  const ids = headingIds(analysis.headings, partIds)
  const headings = analysis.headings.map((heading, index) => ({ ...heading, id: ids[index]! }))
  data.parts.forEach((part, index) => {
    if (!headings.some((heading) => partOfHeading(heading, partIds) === part.id)) {
      problems.push({
        line: lineOf(['parts', index, 'id']),
        message: `part ${part.id} has no heading in the handout`,
        hint: `Write a top-level heading that starts with the part id in upper case, e.g. "## ${part.id.toUpperCase()}：${part.title}".`,
      })
    }
  })

  let kit: LabKit | undefined
  const kitDir = path.join(labDir, 'kit')
  const shown = (dir: string) => path.relative(path.dirname(context.courseDir), dir)
  if (data.kit) {
    const solutionDir = path.join(labDir, 'solution')
    if (!fs.existsSync(path.join(kitDir, 'go.mod')))
      problems.push({
        line: lineOf(['kit']),
        message: `the handout declares a kit, but content/${shown(kitDir)}/go.mod does not exist`,
        hint: 'A kit is the Go module dslabs (go.mod: module dslabs, go 1.19) with the skeleton, the tests and a README.md.',
      })
    if (!dirExists(solutionDir))
      problems.push({
        line: lineOf(['kit']),
        message: `the handout declares a kit, but its reference solution content/${shown(solutionDir)}/ does not exist`,
        hint: 'The solution holds the files that replace the skeleton, at the same paths as in kit/.',
      })
    const include = (data.kit.include ?? []).map((name, index) => {
      const dir = path.join(context.courseDir, LAB_FOLDER, COMMON_FOLDER, name)
      if (!dirExists(dir))
        problems.push({
          line: lineOf(['kit', 'include', index]),
          message: `kit.include: content/${shown(dir)}/ does not exist`,
          hint: `Shared packages live in content/${shown(path.join(context.courseDir, LAB_FOLDER, COMMON_FOLDER))}/<package>/.`,
        })
      return { name, dir }
    })
    kit = {
      dir: kitDir,
      solutionDir,
      include,
      archiveName: kitArchiveName(id),
      archivePath: kitArchivePath(context.course, id),
    }
  } else if (dirExists(kitDir)) {
    problems.push({
      line: frontmatter.line,
      message: `content/${shown(kitDir)}/ exists but the handout declares no kit, so it would not be published`,
      hint: 'Add "kit:" to the frontmatter (with include: for shared packages), or remove the folder.',
    })
  }
  if (problems.length > 0) throw new ContentError(problems.map((problem) => ({ file, ...problem })))

  const labPathHere = labPath(context.course, id)
  return {
    id,
    course: context.course,
    file,
    contentPath: `${context.course}/${LAB_FOLDER}/${path.basename(file)}`,
    format: formatOf(file),
    path: labPathHere,
    title: data.title,
    description: data.description,
    hours: data.hours,
    lectures: lectures.map((lecture) => ({
      slug: lecture.slug,
      title: lecture.title,
      description: lecture.description,
      number: lecture.number,
      path: lecture.path,
    })),
    parts: data.parts.map((part) => ({
      id: part.id,
      title: part.title,
      hours: part.hours,
      test: part.test,
      path: `${labPathHere}#${part.id}`,
    })),
    kit,
    headings,
    toc: headings.filter(
      (heading) => heading.topLevel && (heading.depth === 2 || heading.depth === 3),
    ),
    exercises: analysis.exercises,
    anchors: new Set([...ids, ...analysis.exercises.map((exercise) => exercise.id)]),
    readingMinutes: readingMinutes(analysis.hanCount, analysis.wordCount),
    hanCount: analysis.hanCount,
    wordCount: analysis.wordCount,
    hasMermaid: analysis.hasMermaid,
  }
}

export function labRef(lab: Lab): LabRef {
  return {
    id: lab.id,
    title: lab.title,
    description: lab.description,
    path: lab.path,
    parts: lab.parts.map((part) => ({ id: part.id, title: part.title, path: part.path })),
  }
}

/** Loads the labs course.yaml lists, in its order, and tells each lecture which labs practise it. */
export function loadLabs(manifest: Manifest, context: LabContext, problems: ProblemList): Lab[] {
  const handouts = findLabFiles(context.courseDir, problems)
  const labs: Lab[] = []
  for (const id of crossCheckLabs(manifest, handouts, problems)) {
    try {
      labs.push(loadLab(handouts.get(id)!, context))
    } catch (error) {
      problems.absorb(error)
    }
  }
  for (const lab of labs) {
    for (const lecture of lab.lectures) context.lectures.get(lecture.slug)!.labs.push(labRef(lab))
  }
  return labs
}

import fs from 'node:fs'
import path from 'node:path'
import type { VFile } from 'vfile'
import {
  findPageByFile,
  getSite,
  type Course,
  type Lab,
  type Lecture,
  type Site,
} from '../content/index.ts'
import { includeDrafts } from '../site-config.ts'
import { ContentError } from '../content/errors.ts'
import { LAB_FOLDER } from '../urls.ts'

/** Where a file being compiled sits in the site: its course, and its lecture or lab unless it is the overview. */
export interface PageContext {
  /** The whole site, drafts included. */
  site: Site
  /** Whether links may point at drafts: in development, or from a draft itself. */
  linkToDrafts: boolean
  contentDir: string
  course: Course
  lecture: Lecture | undefined
  lab: Lab | undefined
  file: string
}

/** The course folder a file is in: the nearest folder above it with a course.yaml. */
function courseDirOf(file: string): string {
  let dir = path.dirname(file)
  while (!fs.existsSync(path.join(dir, 'course.yaml'))) {
    const parent = path.dirname(dir)
    if (parent === dir) return path.dirname(file)
    dir = parent
  }
  return dir
}

/**
 * A Markdown file inside a lab's own folder (`labs/<id>/kit/README.md`): part of a kit, not a
 * page. The bundler compiles it anyway, since the page import covers every .md under content/;
 * the pipeline turns it into an empty module.
 */
export function isLabMaterial(file: string): boolean {
  const relative = path.relative(courseDirOf(path.resolve(file)), path.resolve(file))
  const segments = relative.split(path.sep)
  return segments[0] === LAB_FOLDER && segments.length > 2
}

/**
 * The MDX plugins run inside the bundler's loader, one file at a time; this tells them which
 * page they are compiling. The content folder is the parent of the file's course folder, so
 * fixture courses in tests work the same as the real ones. Drafts are included because the
 * bundler compiles every file, published or not. Undefined for a lab's kit material, which
 * remark-lab-material empties: the plugins leave it alone.
 */
export function pageContextOf(file: VFile): PageContext | undefined {
  if (!file.path) throw new Error('The MDX pipeline needs the path of the file it compiles.')
  const filePath = path.resolve(file.path)
  if (isLabMaterial(filePath)) return undefined
  const contentDir = path.dirname(courseDirOf(filePath))
  const options = { contentDir, includeDrafts: true }
  const page = findPageByFile(filePath, options)
  if (!page) {
    throw new ContentError([
      {
        file: filePath,
        message: 'this file is not a page of any course',
        hint: 'Pages are content/<course>/overview.mdx, the lectures listed in that course.yaml, and the lab handouts in labs/.',
      },
    ])
  }
  const site = getSite(options)
  return {
    site,
    linkToDrafts: includeDrafts || page.lecture?.draft === true,
    contentDir,
    course: page.course,
    lecture: page.lecture,
    lab: page.lab,
    file: filePath,
  }
}

import path from 'node:path'
import type { VFile } from 'vfile'
import { findPageByFile, getSite, type Course, type Lecture, type Site } from '../content/index.ts'
import { includeDrafts } from '../site-config.ts'
import { ContentError } from '../content/errors.ts'

/** Where a file being compiled sits in the site: its course, and its lecture unless it is the overview. */
export interface PageContext {
  /** The whole site, drafts included. */
  site: Site
  /** Whether links may point at drafts: in development, or from a draft itself. */
  linkToDrafts: boolean
  contentDir: string
  course: Course
  lecture: Lecture | undefined
  file: string
}

/**
 * The MDX plugins run inside the bundler's loader, one file at a time; this tells them which
 * page they are compiling. The content folder is derived from the file (content/<course>/<page>),
 * so fixture courses in tests work the same as the real ones. Drafts are included because the
 * bundler compiles every file, published or not.
 */
export function pageContextOf(file: VFile): PageContext {
  if (!file.path) throw new Error('The MDX pipeline needs the path of the file it compiles.')
  const filePath = path.resolve(file.path)
  const contentDir = path.dirname(path.dirname(filePath))
  const options = { contentDir, includeDrafts: true }
  const page = findPageByFile(filePath, options)
  if (!page) {
    throw new ContentError([
      {
        file: filePath,
        message: 'this file is not a page of any course',
        hint: 'Pages are content/<course>/overview.mdx and the lectures listed in that course.yaml.',
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
    file: filePath,
  }
}

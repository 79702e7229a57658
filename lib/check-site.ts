import { getSite, isContentError, type ContentProblem } from './content/index.ts'
import { compilePage } from './mdx/compile.ts'

export interface SiteCheck {
  pages: number
  problems: ContentProblem[]
}

/**
 * Validates every course and compiles every page (drafts too: the bundler compiles them all)
 * with the site's pipeline in check mode, collecting every author mistake.
 */
export async function checkSite(contentDir?: string): Promise<SiteCheck> {
  const problems: ContentProblem[] = []
  let pages = 0
  try {
    const site = getSite({ contentDir, includeDrafts: true })
    for (const course of site.courses) {
      const files = [
        course.overview?.file,
        ...course.lectures.map((lecture) => lecture.file),
        ...course.labs.map((lab) => lab.file),
      ].filter((file): file is string => !!file)
      for (const file of files) {
        pages++
        try {
          await compilePage(file, { mode: 'check' })
        } catch (error) {
          if (!isContentError(error)) throw error
          problems.push(...error.problems)
        }
      }
    }
  } catch (error) {
    if (!isContentError(error)) throw error
    problems.push(...error.problems)
  }
  return { pages, problems }
}

/**
 * Site paths of every kind of page, without the base path (Next's <Link> adds it; the MDX
 * pipeline adds it to links written in content). One place, so URLs never drift apart.
 */

export function catalogPath(): string {
  return '/'
}

export function coursePath(course: string): string {
  return `/${course}/`
}

export function lecturePath(course: string, lecture: string): string {
  return `/${course}/${lecture}/`
}

/** Course assets live in `content/<course>/images/` and are served at `/<course>/images/…`. */
export const ASSET_FOLDER = 'images'

/**
 * Whole programs that pages include excerpts of live in `content/<course>/code/` (one Go module
 * per course) and are served as plain files at `/<course>/code/…`.
 */
export const CODE_FOLDER = 'code'

/** The folders of a course whose files the site publishes as they are. */
export const PUBLISHED_FOLDERS = [ASSET_FOLDER, CODE_FOLDER] as const
export type PublishedFolder = (typeof PUBLISHED_FOLDERS)[number]

export function assetPath(course: string, relativeToCourse: string): string {
  return `/${course}/${relativeToCourse.split('/').map(encodeURIComponent).join('/')}`
}

/** Lab handouts live in `content/<course>/labs/<id>.mdx` and are pages at `/<course>/labs/<id>/`. */
export const LAB_FOLDER = 'labs'

/** The course's list of labs. */
export function labsPath(course: string): string {
  return `/${course}/${LAB_FOLDER}/`
}

export function labPath(course: string, lab: string): string {
  return `/${course}/${LAB_FOLDER}/${lab}/`
}

/** The starter kit download of a lab, beside its page. */
export function kitArchiveName(lab: string): string {
  return `${lab}-kit.zip`
}

export function kitArchivePath(course: string, lab: string): string {
  return `${labPath(course, lab)}${kitArchiveName(lab)}`
}

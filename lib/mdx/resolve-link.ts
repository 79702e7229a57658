import fs from 'node:fs'
import path from 'node:path'
import type { Course, Lab, Site } from '../content/index.ts'
import {
  ASSET_FOLDER,
  assetPath,
  catalogPath,
  CODE_FOLDER,
  coursePath,
  LAB_FOLDER,
  labsPath,
  lecturePath,
  PUBLISHED_FOLDERS,
} from '../urls.ts'

/** The outcome of resolving a link written in content. */
export type LinkResolution =
  | { kind: 'external'; url: string }
  | { kind: 'page' | 'asset' | 'anchor'; url: string; file?: string }
  | { kind: 'error'; message: string; hint: string }

export interface LinkSource {
  site: Site
  contentDir: string
  course: Course
  /** Absolute path of the file the link is written in. */
  file: string
  /** Anchors of the page the link is written in. */
  anchors: Set<string>
  basePath: string
  /** Drafts are left out of production builds, so links to them are broken there. */
  linkToDrafts: boolean
}

const SCHEME = /^[a-z][a-z0-9+.-]*:/i

function splitHash(url: string): { target: string; hash: string | undefined } {
  const index = url.indexOf('#')
  if (index === -1) return { target: url, hash: undefined }
  return { target: url.slice(0, index), hash: safeDecode(url.slice(index + 1)) }
}

function safeDecode(value: string): string {
  try {
    return decodeURIComponent(value)
  } catch {
    return value
  }
}

interface PageTarget {
  path: string
  anchors: Set<string>
  label: string
}

function anchorProblem(target: PageTarget, hash: string): LinkResolution {
  const known = [...target.anchors].slice(0, 12).map((anchor) => `#${anchor}`)
  return {
    kind: 'error',
    message: `broken link: ${target.label} has no heading or exercise with the anchor "#${hash}"`,
    hint:
      known.length > 0
        ? `Anchors there include: ${known.join(', ')}.`
        : 'That page has no headings to link to.',
  }
}

function pageResult(
  target: PageTarget,
  hash: string | undefined,
  basePath: string,
): LinkResolution {
  if (hash !== undefined && hash !== '' && !target.anchors.has(hash))
    return anchorProblem(target, hash)
  return { kind: 'page', url: `${basePath}${target.path}${hash ? `#${hash}` : ''}` }
}

function courseHome(course: Course): PageTarget {
  return {
    path: coursePath(course.slug),
    anchors: course.overview?.anchors ?? new Set(),
    label: `the home of ${course.slug}`,
  }
}

/** Finds the page at a site path such as `/distributed-systems/lecture-05/`. */
function pageAtSitePath(
  site: Site,
  sitePath: string,
  linkToDrafts: boolean,
): PageTarget | undefined {
  const segments = sitePath.split('/').filter(Boolean)
  if (segments.length === 0)
    return { path: catalogPath(), anchors: new Set(), label: 'the catalog' }
  const course = site.courses.find((candidate) => candidate.slug === segments[0])
  if (!course) return undefined
  if (segments.length === 1) return courseHome(course)
  if (segments[1] === LAB_FOLDER && course.labs.length > 0) {
    if (segments.length === 2)
      return {
        path: labsPath(course.slug),
        anchors: new Set(),
        label: `the labs of ${course.slug}`,
      }
    const lab =
      segments.length === 3 && course.labs.find((candidate) => candidate.id === segments[2])
    return lab ? labTarget(lab) : undefined
  }
  const lecture =
    segments.length === 2
      ? course.lectures.find(
          (candidate) => candidate.slug === segments[1] && (linkToDrafts || !candidate.draft),
        )
      : undefined
  return (
    lecture && {
      path: lecture.path,
      anchors: lecture.anchors,
      label: `${course.slug}/${lecture.slug}`,
    }
  )
}

function labTarget(lab: Lab): PageTarget {
  return { path: lab.path, anchors: lab.anchors, label: lab.contentPath }
}

/** Finds the page written as a source file, such as `content/distributed-systems/lecture-05.mdx`. */
function pageAtFile(site: Site, file: string, linkToDrafts: boolean): PageTarget | undefined {
  for (const course of site.courses) {
    if (course.overview?.file === file) return courseHome(course)
    const lecture = course.lectures.find(
      (candidate) => candidate.file === file && (linkToDrafts || !candidate.draft),
    )
    if (lecture)
      return {
        path: lecturePath(course.slug, lecture.slug),
        anchors: lecture.anchors,
        label: lecture.contentPath,
      }
    const lab = course.labs.find((candidate) => candidate.file === file)
    if (lab) return labTarget(lab)
  }
  return undefined
}

const isPublishedFolder = (folder: string | undefined) =>
  (PUBLISHED_FOLDERS as readonly string[]).includes(folder ?? '')

/** A file inside `content/<course>/images/` or `code/`, returned as its site path. */
function assetAtFile(
  site: Site,
  contentDir: string,
  file: string,
): { url: string; file: string } | undefined {
  const relative = path.relative(contentDir, file).split(path.sep)
  const [courseSlug, folder] = relative
  if (relative.length < 3 || !isPublishedFolder(folder)) return undefined
  if (!site.courses.some((course) => course.slug === courseSlug)) return undefined
  if (!fs.existsSync(file) || !fs.statSync(file).isFile()) return undefined
  return { url: assetPath(courseSlug!, relative.slice(1).join('/')), file }
}

/**
 * Resolves a link or image source written in content, the way authors write them in a notes
 * repository: a relative file path (`./lecture-05.mdx#领导者选举`, `./images/a.png`), a site path
 * (`/distributed-systems/lecture-05/`), an in-page anchor, or an external URL.
 */
export function resolveLink(url: string, source: LinkSource): LinkResolution {
  if (SCHEME.test(url) || url.startsWith('//')) return { kind: 'external', url }
  const { target, hash } = splitHash(url)
  const here = { path: '', anchors: source.anchors, label: 'this page' }

  if (target === '') {
    if (!hash)
      return {
        kind: 'error',
        message: 'empty link',
        hint: 'Write a page, an anchor (#…) or a URL.',
      }
    if (!source.anchors.has(hash)) return anchorProblem(here, hash)
    return { kind: 'anchor', url: `#${hash}` }
  }

  if (target.startsWith('/')) {
    const withoutQuery = target.split('?')[0]!
    const decoded = safeDecode(withoutQuery)
    const segments = decoded.split('/').filter(Boolean)
    if (isPublishedFolder(segments[1])) {
      const asset = assetAtFile(
        source.site,
        source.contentDir,
        path.join(source.contentDir, ...segments),
      )
      if (asset) return { kind: 'asset', url: `${source.basePath}${asset.url}`, file: asset.file }
    } else {
      const page = pageAtSitePath(source.site, decoded, source.linkToDrafts)
      if (page) return pageResult(page, hash, source.basePath)
    }
    return {
      kind: 'error',
      message: `broken link: no page at ${target}`,
      hint: 'Site paths look like /<course>/, /<course>/<lecture>/ or /<course>/labs/<lab>/; or link the file itself, e.g. ./lecture-05.mdx.',
    }
  }

  const file = path.resolve(path.dirname(source.file), safeDecode(target.split('?')[0]!))
  const page = pageAtFile(source.site, file, source.linkToDrafts)
  if (page) return pageResult(page, hash, source.basePath)
  const asset = assetAtFile(source.site, source.contentDir, file)
  if (asset) return { kind: 'asset', url: `${source.basePath}${asset.url}`, file: asset.file }

  const shown = path.relative(source.contentDir, file)
  if (!source.linkToDrafts && pageAtFile(source.site, file, true)) {
    return {
      kind: 'error',
      message: `broken link: content/${shown} is a draft, left out of production builds`,
      hint: 'Publish it (remove draft: true) or remove the link.',
    }
  }
  const missing = !fs.existsSync(file)
  return {
    kind: 'error',
    message: missing
      ? `broken link: content/${shown} does not exist`
      : `broken link: content/${shown} is not a page or an asset`,
    hint: /\.mdx?$/.test(target)
      ? 'Link a lecture, lab handout or overview of a course, as a relative path such as ./lecture-05.mdx, ./labs/lab-3.mdx#3b or ../system-design/week-01.mdx.'
      : `Pages are .md/.mdx files listed in course.yaml; assets live in content/<course>/${ASSET_FOLDER}/, programs in content/<course>/${CODE_FOLDER}/.`,
  }
}

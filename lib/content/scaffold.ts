import fs from 'node:fs'
import path from 'node:path'
import { stringify } from 'yaml'
import { ASSET_FOLDER } from '../urls.ts'
import { ContentError } from './errors.ts'
import { loadCourse } from './load.ts'
import { insertLecture, listingPoint } from './manifest-edit.ts'
import { parseYamlWith } from './parse-yaml.ts'
import { CourseManifestSchema, SLUG_PATTERN } from './schema.ts'

/**
 * What `npm run new:course` and `npm run new:lecture` write: a course or a lecture that passes
 * the content check as it is, so the author can run `npm run dev` or `npm run build` at once
 * and replace the text. Nothing is written over an existing file.
 */

export interface CourseOptions {
  title: string
  description: string
  language: string
  /** Programming languages of the samples, main first; `[]` for a course without code. */
  languages: string[]
}

export interface LectureOptions {
  title: string
  description: string
  slug?: string
  /** The id of the part to list it in; the last part by default. */
  part?: string
}

const yaml = (value: unknown) => stringify(value, { lineWidth: 0 })

function problem(file: string, message: string, hint: string): ContentError {
  return new ContentError([{ file, message, hint }])
}

function checkSlug(file: string, slug: string, what: string): void {
  if (!SLUG_PATTERN.test(slug))
    throw problem(
      file,
      `"${slug}" cannot be a ${what} name`,
      'Use lower-case letters, digits and hyphens, e.g. lecture-05; it becomes the URL.',
    )
}

export function lectureSource({ title, description }: LectureOptions): string {
  return `---
${yaml({ title, description }).trimEnd()}
---

开头一段说清这一讲要解决什么问题，读完之后能做什么。frontmatter 里还可以写 objectives、prerequisites、readings、video 与 duration，见「课程写作指南」的讲义 frontmatter 一章。

## 第一节

正文用 Markdown 写：段落、列表、表格、\`代码\`、$O(\\log n)$ 这样的公式和带语言名的代码块。组件（Callout、Exercise、Quiz、Mermaid 等）不需要 import，写法见「课程写作指南」的组件各章。

## 本讲小结

用几句话回顾本讲的要点。
`
}

function overviewSource(options: CourseOptions): string {
  return `这门课的首页。在这里介绍课程：写给谁、学完能做什么、需要哪些基础、建议怎样安排时间。讲义的目录和学习路径由 course.yaml 生成，会显示在本页下方。

## 先修知识

列出读者开始之前应当掌握的内容。${options.languages.length > 0 ? `本课的示例代码使用 ${options.languages.join('、')}。` : ''}
`
}

/** Writes `content/<slug>/` with a manifest, a course home and a first lecture; returns the files. */
export function scaffoldCourse(contentDir: string, slug: string, options: CourseOptions): string[] {
  const dir = path.join(contentDir, slug)
  checkSlug(dir, slug, 'course folder')
  if (fs.existsSync(dir))
    throw problem(dir, `content/${slug}/ already exists`, 'Pick another name for the new course.')
  const lecture = 'lecture-01'
  const manifest = {
    title: options.title,
    description: options.description,
    language: options.language,
    languages: options.languages,
    parts: [{ id: 'part-1', title: '第一部分', lectures: [lecture] }],
  }
  const files = {
    'course.yaml': yaml(manifest),
    'overview.mdx': overviewSource(options),
    [`${lecture}.mdx`]: lectureSource({ title: '第一讲', description: '这一讲讲什么，一句话。' }),
  }
  fs.mkdirSync(path.join(dir, ASSET_FOLDER), { recursive: true })
  const written = Object.entries(files).map(([name, text]) => {
    const file = path.join(dir, name)
    fs.writeFileSync(file, text)
    return file
  })
  loadCourse(dir, { includeDrafts: false })
  return written
}

/** The next `lecture-NN` after the highest one listed, or `lecture-01`. */
export function nextLectureSlug(listed: string[]): string {
  const numbers = listed.map((slug) => /^lecture-(\d+)$/.exec(slug)?.[1]).filter(Boolean)
  const next = Math.max(0, ...numbers.map(Number)) + 1
  return `lecture-${String(next).padStart(2, '0')}`
}

/** Writes a lecture into a course and lists it in course.yaml; returns the file and the line. */
export function scaffoldLecture(
  contentDir: string,
  course: string,
  options: LectureOptions,
): { file: string; manifestLine: number } {
  const dir = path.join(contentDir, course)
  const manifestFile = path.join(dir, 'course.yaml')
  if (!fs.existsSync(manifestFile))
    throw problem(
      dir,
      `there is no course "${course}" (no content/${course}/course.yaml)`,
      `Courses: ${listCourses(contentDir).join(', ') || '(none)'}. Create one with npm run new:course.`,
    )
  const text = fs.readFileSync(manifestFile, 'utf8')
  const { data, lineOf } = parseYamlWith(CourseManifestSchema, text, { file: manifestFile })
  const slug = options.slug ?? nextLectureSlug(data.parts.flatMap((part) => part.lectures))
  const file = path.join(dir, `${slug}.mdx`)
  checkSlug(file, slug, 'lecture file')
  if (fs.existsSync(file) || fs.existsSync(file.replace(/x$/, '')))
    throw problem(
      file,
      `${slug} already exists`,
      'Pass another slug: npm run new:lecture -- COURSE SLUG.',
    )
  const point = listingPoint(data, lineOf, text, options.part)
  if (!point)
    throw problem(
      manifestFile,
      `course.yaml has no part "${options.part}"`,
      `Parts: ${data.parts.map((part) => part.id).join(', ')}.`,
    )
  fs.writeFileSync(file, lectureSource(options))
  fs.writeFileSync(manifestFile, insertLecture(text, point, slug))
  loadCourse(dir, { includeDrafts: true })
  return { file, manifestLine: point.flow ? point.line : point.line + 1 }
}

function listCourses(contentDir: string): string[] {
  return fs
    .readdirSync(contentDir, { withFileTypes: true })
    .filter(
      (entry) =>
        entry.isDirectory() && fs.existsSync(path.join(contentDir, entry.name, 'course.yaml')),
    )
    .map((entry) => entry.name)
}

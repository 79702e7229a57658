import { z } from 'zod'

/**
 * The content contract, as zod schemas. Every object is strict, so a misspelt key is an
 * error rather than a silently ignored field. Each field's `.describe()` text is what the
 * authors' handbook shows for it.
 */

/** Lower-case words joined by hyphens: the URL segment of a course, lecture, part or lab. */
export const SLUG_PATTERN = /^[a-z0-9]+(?:-[a-z0-9]+)*$/

export const slug = (what: string) =>
  z
    .string()
    .regex(SLUG_PATTERN, `${what} must be lower-case letters, digits and hyphens, e.g. lecture-05`)

export const singleLine = (what: string) =>
  z
    .string()
    .trim()
    .min(1, `${what} must not be empty`)
    .refine((value) => !/[\r\n]/.test(value), `${what} must fit on one line`)

/** An 11-character YouTube video ID, as in `youtube.com/watch?v=cQP8WApzIQQ`. */
export const YOUTUBE_ID_PATTERN = /^[A-Za-z0-9_-]{11}$/
/** A Bilibili BV id: `BV` followed by 10 letters and digits. */
export const BILIBILI_BVID_PATTERN = /^BV[0-9A-Za-z]{10}$/
/** A start time such as `90`, `12:30` or `1:02:03`. */
export const START_TIME_PATTERN = /^(?:\d+|\d{1,2}:\d{2}|\d+:\d{2}:\d{2})$/

export const YoutubeIdSchema = z
  .string()
  .regex(YOUTUBE_ID_PATTERN, 'must be an 11-character YouTube video ID such as cQP8WApzIQQ')

export const BilibiliSchema = z
  .strictObject({
    bvid: z
      .string()
      .regex(BILIBILI_BVID_PATTERN, 'must be a Bilibili BV id such as BV1R7411t71W')
      .describe('The BV id of the video.'),
    part: z
      .number()
      .int()
      .positive('must be 1 or more')
      .optional()
      .describe('The part of a multi-part video (the `p=` number).'),
  })
  .describe('A Bilibili video.')

export const VideoSchema = z
  .strictObject({
    youtube: YoutubeIdSchema.optional().describe(
      'YouTube video ID, embedded via youtube-nocookie.com.',
    ),
    bilibili: BilibiliSchema.optional(),
    start: z
      .string()
      .regex(START_TIME_PATTERN, 'must be seconds or mm:ss / h:mm:ss, e.g. 12:30')
      .optional()
      .describe('Where playback starts.'),
    link: z
      .url('must be a full http(s) URL')
      .optional()
      .describe('The official video page, shown as a plain link.'),
  })
  .refine((video) => video.youtube || video.bilibili || video.link, {
    message: 'needs at least one of youtube, bilibili or link',
  })
  .describe('The lecture video.')

export const ReadingSchema = z
  .strictObject({
    title: singleLine('title').describe('Title of the paper or article, as published.'),
    authors: singleLine('authors').optional().describe('Authors, comma separated.'),
    year: z.number().int().min(1900).max(2100).optional().describe('Year of publication.'),
    venue: singleLine('venue').optional().describe('Where it appeared, e.g. OSDI.'),
    url: z.url('must be a full http(s) URL').optional().describe('Where to read it.'),
    note: singleLine('note').optional().describe('Which sections to read, or why.'),
  })
  .describe('A paper or article.')

export const LectureFrontmatterSchema = z
  .strictObject({
    title: singleLine('title').describe('The lecture title. Required.'),
    description: singleLine('description').describe(
      'One line that says what the lecture covers; used in listings, search and meta tags. Required.',
    ),
    duration: z
      .number()
      .int()
      .positive('must be a whole number of minutes')
      .optional()
      .describe('Length of the lecture video, in minutes.'),
    video: VideoSchema.optional(),
    readings: z.array(ReadingSchema).optional().describe('Papers and articles for this lecture.'),
    objectives: z
      .array(singleLine('objective'))
      .optional()
      .describe('What the reader will be able to do afterwards.'),
    prerequisites: z
      .array(slug('prerequisite'))
      .optional()
      .describe('Slugs of earlier lectures in the same course that this one builds on.'),
    draft: z
      .boolean()
      .optional()
      .describe('Drafts are built in development and left out of production.'),
  })
  .describe('Lecture frontmatter.')

export const OverviewFrontmatterSchema = z
  .strictObject({
    title: singleLine('title')
      .optional()
      .describe('Heading of the course home page; defaults to the course title.'),
    description: singleLine('description')
      .optional()
      .describe('Meta description of the course home page.'),
  })
  .describe('Overview frontmatter.')

export const PartSchema = z.strictObject({
  id: slug('part id').describe('A stable identifier for the part.'),
  title: singleLine('title').describe('Shown as the sidebar group heading.'),
  lectures: z
    .array(slug('lecture slug'))
    .min(1, 'a part lists at least one lecture')
    .describe('Lecture slugs, in reading order.'),
})

export const StageSchema = z.strictObject({
  title: singleLine('title').describe('Name of the stage on the learning path.'),
  lectures: z.array(slug('lecture slug')).min(1, 'a stage lists at least one lecture'),
  goals: z
    .array(singleLine('goal'))
    .optional()
    .describe('What a reader reaches by the end of the stage.'),
})

export const LabIdSchema = z
  .string()
  .regex(SLUG_PATTERN, 'lab id must be lower-case letters, digits and hyphens, e.g. lab-3')
  .describe('The id of a handout in labs/: lab-3 is labs/lab-3.mdx.')

export const LabListingSchema = z
  .strictObject({
    id: slug('lab id'),
    title: singleLine('title'),
    lectures: z
      .array(slug('lecture slug'))
      .optional()
      .describe('Lectures where the project is introduced.'),
    description: singleLine('description').optional(),
  })
  .describe('A project listed on the course home only, without a handout.')

/** A GitHub repository: its pages get "在 GitHub 上编辑此页" and "报告问题" links. */
export const GITHUB_REPOSITORY_PATTERN =
  /^https:\/\/github\.com\/[A-Za-z0-9-]+\/[A-Za-z0-9._-]+\/?$/

const RepositorySchema = z
  .string()
  .regex(
    GITHUB_REPOSITORY_PATTERN,
    'must be a GitHub repository URL such as https://github.com/OWNER/REPO (no .git, no path inside it)',
  )

const BranchSchema = z
  .string()
  .regex(/^[A-Za-z0-9._/-]+$/, 'must be a branch name such as main')
  .describe('The branch the "edit this page" links open; defaults to main.')

export const CourseManifestSchema = z
  .strictObject({
    title: singleLine('title').describe('The course title.'),
    description: singleLine('description').describe(
      'One line about the course, for the catalog and meta tags.',
    ),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as zh-CN or en')
      .optional()
      .describe('Language of the course pages (BCP 47); defaults to zh-CN.'),
    kind: z
      .enum(['course', 'guide'])
      .optional()
      .describe('`guide` lists it among the guides of the catalog instead of the courses.'),
    level: singleLine('level').optional().describe('Who it suits, e.g. 中级.'),
    unit: z
      .string()
      .regex(/^\p{Script=Han}$/u, 'must be one Chinese character such as 讲, 周 or 章')
      .optional()
      .describe('The word in "第 5 讲"; 周 for a course taught by weeks. Defaults to 讲.'),
    languages: z
      .array(
        z
          .string()
          .regex(/^[a-z][a-z0-9+#-]*$/, 'must be a code block language such as go, python or rust'),
      )
      .optional()
      .describe(
        'Programming languages of the code samples, main one first; `npm run check:bar` asks every lecture for samples in the first. `[]` for a course without code. Defaults to `[go]`.',
      ),
    repository: RepositorySchema.optional().describe(
      'The GitHub repository of this course, when it differs from the one in site.yaml.',
    ),
    branch: BranchSchema.optional(),
    parts: z
      .array(PartSchema)
      .min(1, 'a course has at least one part')
      .describe('Sidebar groups, in order.'),
    stages: z.array(StageSchema).optional().describe('The learning path on the course home.'),
    labs: z
      .array(z.union([LabIdSchema, LabListingSchema]))
      .optional()
      .describe(
        'Practice projects, in order. An id (lab-3) names a handout labs/lab-3.mdx: a page with parts, progress and a kit. A mapping (id, title, lectures, description) only lists a project on the course home.',
      ),
  })
  .describe('course.yaml')

export const SiteConfigSchema = z
  .strictObject({
    title: singleLine('title').describe('Name of the site, shown in the header and the catalog.'),
    description: singleLine('description').describe(
      'One line about the site, for the catalog and meta tags.',
    ),
    language: z
      .string()
      .regex(/^[a-z]{2,3}(?:-[A-Za-z0-9]{2,8})*$/, 'must be a language tag such as zh-CN or en')
      .optional()
      .describe('Language of the catalog and the 404 page; defaults to zh-CN.'),
    repository: RepositorySchema.optional().describe(
      'The GitHub repository the site is built from. Every page then links to 在 GitHub 上编辑此页 (its source file under content/) and 报告问题 (a new issue naming the page). Without it there are no such links.',
    ),
    branch: BranchSchema.optional(),
  })
  .describe('site.yaml')

export type LectureFrontmatter = z.infer<typeof LectureFrontmatterSchema>
export type OverviewFrontmatter = z.infer<typeof OverviewFrontmatterSchema>
export type CourseManifest = z.infer<typeof CourseManifestSchema>
export type SiteConfig = z.infer<typeof SiteConfigSchema>
export type Reading = z.infer<typeof ReadingSchema>
export type Video = z.infer<typeof VideoSchema>

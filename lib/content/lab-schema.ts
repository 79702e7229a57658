import { z } from 'zod'
import { singleLine, slug } from './schema.ts'

/**
 * The frontmatter of a lab handout (`content/<course>/labs/<id>.mdx`). Strict like every schema
 * of the content contract; each field's `.describe()` text is what the authors' handbook shows.
 */

/** A part id: lower-case letters and digits, such as 3a or m1. Its heading starts with it in upper case. */
export const LAB_PART_ID_PATTERN = /^[a-z0-9]{1,8}$/
/** A Go package folder name, as `common/<name>` holds it and a kit imports it (dslabs/<name>). */
export const GO_PACKAGE_PATTERN = /^[a-z][a-z0-9]*$/
/** Characters a shell would treat specially: a part's command must mean the same in any shell. */
const SHELL_SPECIAL = /[|&;<>()$`\\"'*?[\]{}~#!\n\r]/

export const LabTestCommandSchema = z
  .string()
  .trim()
  .refine(
    (value) => /^go test(?:\s|$)/.test(value),
    'must be a go test command, e.g. go test -race -run 3A ./raft/',
  )
  .refine(
    (value) => !SHELL_SPECIAL.test(value),
    'must be a plain go test command without quotes or shell characters (| & ; < > ( ) $ * ? [ ] { } ~ # !), so it runs the same when pasted into any shell',
  )
  .refine(
    (value) => value.split(/\s+/).includes('-race'),
    'must include -race: every graded run checks for data races',
  )
  .refine(
    (value) => !value.split(/\s+/).some((flag) => /^-(?:json|c|o|exec)(?:=|$)/.test(flag)),
    'must not use -json, -c, -o or -exec: check:labs adds -json itself, and the command must run the tests',
  )
  .describe(
    'The command that grades the part, run in the kit folder, e.g. `go test -race -run 3A ./raft/`. Every test it selects grades the part, and their names end in the part id in upper case (TestInitialElection3A). Required when the lab has a kit; not allowed without one.',
  )

export const LabPartSchema = z
  .strictObject({
    id: z
      .string()
      .regex(LAB_PART_ID_PATTERN, 'part id must be lower-case letters and digits, e.g. 3a or m1')
      .describe(
        "Short id such as 3a or m1. The part's `##` heading starts with it in upper case (`## 3A：领导者选举`) and gets it as its anchor (#3a).",
      ),
    title: singleLine('title').describe('What the part builds, e.g. 领导者选举.'),
    hours: z
      .number()
      .positive('must be more than 0')
      .max(500, 'must be at most 500')
      .optional()
      .describe('Estimated hours for this part.'),
    test: LabTestCommandSchema.optional(),
  })
  .describe('One part of the lab, graded on its own and marked complete on its own.')

export const LabKitSchema = z
  .strictObject({
    include: z
      .array(
        z.string().regex(GO_PACKAGE_PATTERN, 'must be a Go package folder name such as labnet'),
      )
      .optional()
      .describe(
        'Shared packages from labs/common/ copied into the kit as top-level folders (labnet becomes dslabs/labnet).',
      ),
  })
  .describe(
    'The lab has a starter kit in labs/<id>/kit/ and a reference solution in labs/<id>/solution/. Leave it out for a lab without code (a final project).',
  )

export const LabFrontmatterSchema = z
  .strictObject({
    title: singleLine('title').describe('The lab title, with its number: Lab 3：Raft. Required.'),
    description: singleLine('description').describe(
      'One line that says what the student builds; used in listings, search and meta tags. Required.',
    ),
    lectures: z
      .array(slug('lecture slug'))
      .min(1, 'a lab serves at least one lecture')
      .describe(
        'Slugs of the lectures of the same course that the lab practises. The lab is listed after the last of them in the sidebar and the learning path, and they link to it.',
      ),
    hours: z
      .number()
      .positive('must be more than 0')
      .max(1000, 'must be at most 1000')
      .describe('Estimated hours for the whole lab. Required.'),
    kit: LabKitSchema.optional(),
    parts: z
      .array(LabPartSchema)
      .min(1, 'a lab has at least one part')
      .describe('The parts, in order (3a, 3b, …); each has a `##` heading in the handout.'),
  })
  .superRefine((lab, context) => {
    const seen = new Set<string>()
    lab.parts.forEach((part, index) => {
      if (seen.has(part.id))
        context.addIssue({
          code: 'custom',
          path: ['parts', index, 'id'],
          message: `repeats the part id "${part.id}"`,
        })
      seen.add(part.id)
      if (lab.kit && part.test === undefined)
        context.addIssue({
          code: 'custom',
          path: ['parts', index, 'test'],
          message: 'is required: a lab with a kit grades each part with a go test command',
        })
      if (!lab.kit && part.test !== undefined)
        context.addIssue({
          code: 'custom',
          path: ['parts', index, 'test'],
          message: 'needs a kit: add kit: to the frontmatter, or remove the command',
        })
    })
    const partHours = lab.parts.reduce((sum, part) => sum + (part.hours ?? 0), 0)
    if (partHours > lab.hours)
      context.addIssue({
        code: 'custom',
        path: ['hours'],
        message: `(${lab.hours}) is less than the parts' hours added up (${partHours})`,
      })
  })
  .describe('Lab handout frontmatter.')

export type LabFrontmatter = z.infer<typeof LabFrontmatterSchema>
export type LabPartFrontmatter = z.infer<typeof LabPartSchema>

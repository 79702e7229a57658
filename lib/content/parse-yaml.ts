import { isNode, LineCounter, parseDocument, type Document } from 'yaml'
import type { z } from 'zod'
import { closestMatch, ContentError, type ContentProblem } from './errors.ts'

interface YamlSource {
  /** The file the YAML comes from, for messages. */
  file: string
  /** Lines before the YAML in that file (2 lines of `---` frontmatter start at line 2, so 1). */
  lineOffset?: number
}

/** Validated data, and a way to point later messages at the line of any of its fields. */
export interface ParsedYaml<T> {
  data: T
  lineOf(path: (string | number)[]): number | undefined
}

/**
 * Parses YAML and validates it against a schema. Every problem becomes a ContentProblem that
 * names the file, the line of the offending field, what is wrong and what is allowed.
 */
export function parseYamlWith<S extends z.ZodType>(
  schema: S,
  text: string,
  source: YamlSource,
): ParsedYaml<z.infer<S>> {
  const lineCounter = new LineCounter()
  const document = parseDocument(text, { lineCounter, prettyErrors: false, uniqueKeys: true })
  const offset = source.lineOffset ?? 0
  const lineAt = (position: number) => lineCounter.linePos(position).line + offset

  if (document.errors.length > 0) {
    throw new ContentError(
      document.errors.map((error) => ({
        file: source.file,
        line: lineAt(error.pos[0]),
        message: `invalid YAML: ${firstSentence(error.message)}`,
        hint: 'Check indentation, and quote values that contain ": " or start with a special character.',
      })),
    )
  }

  const result = schema.safeParse(document.toJS() ?? {}, { reportInput: true })
  if (result.success) {
    return { data: result.data, lineOf: (path) => locate(document, path, lineAt).line }
  }

  const problems: ContentProblem[] = result.error.issues.map((issue) => {
    const path = issue.path.filter((key): key is string | number => typeof key !== 'symbol')
    // An unknown key is reported on its parent; point at the key itself.
    const keyPath =
      issue.code === 'unrecognized_keys' && issue.keys.length === 1
        ? [...path, issue.keys[0]!]
        : path
    const { line } = locate(document, keyPath, lineAt)
    const { field } = locate(document, path, lineAt)
    return { file: source.file, line, ...describeIssue(issue, field, schema, path) }
  })
  throw new ContentError(problems)
}

function firstSentence(message: string): string {
  return message.split('\n')[0]!.replace(/ at line \d+, column \d+.*$/, '')
}

/** Finds the line of the deepest node that exists on the issue's path. */
function locate(
  document: Document,
  path: (string | number)[],
  lineAt: (position: number) => number,
): { line: number | undefined; field: string } {
  const field = path.length === 0 ? '(top level)' : formatPath(path)
  for (let depth = path.length; depth >= 0; depth--) {
    const node = depth === 0 ? document.contents : document.getIn(path.slice(0, depth), true)
    if (isNode(node) && node.range) return { line: lineAt(node.range[0]), field }
  }
  return { line: undefined, field }
}

function formatPath(path: (string | number)[]): string {
  return path
    .map((key, index) => (typeof key === 'number' ? `[${key}]` : index === 0 ? key : `.${key}`))
    .join('')
}

/** The keys an object schema accepts at `path`, for "allowed keys" hints. */
function allowedKeysAt(schema: z.ZodType, path: (string | number)[]): string[] {
  let current: unknown = schema
  const unwrap = (node: unknown): unknown => {
    let def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def
    while (
      def &&
      ['optional', 'default', 'nullable', 'pipe', 'prefault', 'readonly'].includes(
        def.type as string,
      )
    ) {
      node = def.innerType ?? def.in
      def = (node as { _zod?: { def?: Record<string, unknown> } })?._zod?.def
    }
    return node
  }
  for (const key of path) {
    current = unwrap(current)
    const def = (current as { _zod: { def: Record<string, unknown> } })._zod.def
    if (def.type === 'array') current = def.element
    else if (def.type === 'object') current = (def.shape as Record<string, unknown>)[String(key)]
    else return []
  }
  current = unwrap(current)
  const def = (current as { _zod?: { def?: Record<string, unknown> } })?._zod?.def
  return def?.type === 'object' ? Object.keys(def.shape as Record<string, unknown>) : []
}

function describeIssue(
  issue: z.core.$ZodIssue,
  field: string,
  schema: z.ZodType,
  path: (string | number)[],
): { message: string; hint?: string } {
  switch (issue.code) {
    case 'unrecognized_keys': {
      const allowed = allowedKeysAt(schema, path)
      const keys = issue.keys.map((key) => `"${key}"`).join(', ')
      const where = path.length === 0 ? '' : ` in ${field}`
      const suggestion = issue.keys.length === 1 ? closestMatch(issue.keys[0]!, allowed) : undefined
      return {
        message: `unknown key ${keys}${where}`,
        hint:
          (suggestion ? `Did you mean "${suggestion}"? ` : '') +
          `Allowed keys: ${allowed.join(', ')}.`,
      }
    }
    case 'invalid_type': {
      if (issue.input === undefined)
        return { message: `${field} is required`, hint: `Expected ${issue.expected}.` }
      return {
        message: `${field} has the wrong type`,
        hint: `Expected ${issue.expected}, received ${describeValue(issue.input)}.`,
      }
    }
    case 'invalid_value':
      return {
        message: `${field} is ${describeValue(issue.input)}`,
        hint: `Allowed values: ${issue.values.map((value) => String(value)).join(', ')}.`,
      }
    default:
      return { message: `${field} ${issue.message}` }
  }
}

function describeValue(value: unknown): string {
  if (typeof value === 'string') return `"${value}"`
  if (Array.isArray(value)) return 'a list'
  if (value === null) return 'empty'
  if (typeof value === 'object') return 'a mapping'
  return `${typeof value} ${String(value)}`
}

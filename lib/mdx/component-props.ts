import { z } from 'zod'
import {
  BILIBILI_BVID_PATTERN,
  ReadingSchema,
  START_TIME_PATTERN,
  YOUTUBE_ID_PATTERN,
} from '../content/schema.ts'
import { historyPresetNames } from '../sim/history/presets.ts'
import { MAX_TIME } from '../sim/history/types.ts'
import { historyProblems } from '../sim/history/validate.ts'
import { raftScenarioNames } from '../sim/raft/scenarios.ts'
import { MAX_SERVERS, MIN_SERVERS } from '../sim/raft/types.ts'
import { mapReduceScenarioNames } from '../sim/mapreduce/scenarios.ts'
import { MAX_MAPS, MAX_REDUCES, MAX_WORKERS, MIN_WORKERS } from '../sim/mapreduce/types.ts'
import { hashRingScenarioNames } from '../sim/hashring/scenarios.ts'
import { MAX_KEYS, MAX_NODES, MAX_VNODES, MIN_KEYS, MIN_NODES } from '../sim/hashring/ring.ts'
import { NARROW_LAYOUTS } from './mermaid-narrow.ts'

/**
 * The components authors may use in MDX without an import, with the props each accepts.
 * The remark checker validates every use against these at build time, naming the file and
 * line; `mdx-components.tsx` must register exactly these names.
 */

const text = z.string().trim().min(1, 'must not be empty')

/** A whole number from `min` to `max`, with a message that says so. */
const count = (min: number, max: number) =>
  z
    .number()
    .int('must be a whole number')
    .min(min, `must be ${min} to ${max}`)
    .max(max, `must be ${min} to ${max}`)

const seed = z
  .number()
  .int('must be a whole number')
  .nonnegative('must be 0 or more')
  .optional()
  .describe("The random seed of the run; defaults to the scenario's own.")

/**
 * A scenario's script is written for its own size: the props in `keys` may be set only without
 * a scenario, or with the free-form one (`free`).
 */
const onlyWithoutScenario =
  (free: string, keys: readonly string[]) =>
  (props: Record<string, unknown>, context: z.RefinementCtx) => {
    if ((props.scenario ?? free) === free) return
    for (const key of keys)
      if (props[key] !== undefined)
        context.addIssue({
          code: 'custom',
          message: `can only be set without a scenario (or with scenario="${free}"): each scenario is written for its own size`,
          path: [key],
        })
  }

export const componentPropSchemas = {
  Callout: z.strictObject({
    type: z
      .enum(['note', 'tip', 'warning', 'danger'])
      .optional()
      .describe('Kind of admonition; defaults to note.'),
    title: text.optional().describe('Heading of the box; defaults to the kind, e.g. 注意.'),
  }),
  CodeTabs: z.strictObject({
    group: text
      .optional()
      .describe(
        "Tab sets of one group share the reader's choice of language; all sets without a group share one.",
      ),
  }),
  Mermaid: z.strictObject({
    chart: text.describe('The diagram source in Mermaid syntax.'),
    caption: text.optional().describe('A caption under the diagram.'),
    narrow: z
      .enum(NARROW_LAYOUTS)
      .optional()
      .describe(
        'On a left-to-right flowchart: phones are shown it laid out top to bottom (drawn twice at build time).',
      ),
    broken: z
      .boolean()
      .optional()
      .describe(
        'Declares a diagram that is wrong on purpose: it shows the error box, and the site checks expect it.',
      ),
  }),
  Video: z
    .strictObject({
      youtube: z
        .string()
        .regex(YOUTUBE_ID_PATTERN, 'must be an 11-character YouTube video ID such as cQP8WApzIQQ')
        .optional(),
      bilibili: z
        .string()
        .regex(BILIBILI_BVID_PATTERN, 'must be a Bilibili BV id such as BV1R7411t71W')
        .optional(),
      part: z
        .number()
        .int()
        .positive('must be 1 or more')
        .optional()
        .describe('Bilibili part (p=).'),
      start: z
        .string()
        .regex(START_TIME_PATTERN, 'must be seconds or mm:ss / h:mm:ss, e.g. 12:30')
        .optional(),
      link: z.url('must be a full http(s) URL').optional().describe('The official video page.'),
      title: text.optional().describe('What the video is; shown on the facade.'),
      duration: z.number().int().positive().optional().describe('Minutes, shown on the facade.'),
    })
    .refine((props) => props.youtube || props.bilibili, {
      message: 'needs youtube or bilibili (or both)',
    }),
  Exercise: z.strictObject({
    title: text.describe('What the exercise asks, in a few words.'),
    difficulty: z.enum(['easy', 'medium', 'hard']).describe('Shown as 简单 / 中等 / 困难.'),
  }),
  Hint: z.strictObject({ title: text.optional() }),
  Solution: z.strictObject({ title: text.optional() }),
  Quiz: z.strictObject({
    title: text.optional().describe('Heading of the question box; defaults to 自测.'),
  }),
  Choice: z.strictObject({ correct: z.boolean().optional().describe('Marks a right answer.') }),
  Explanation: z.strictObject({}),
  Paper: ReadingSchema,
  Figure: z.strictObject({
    src: text.describe('A relative path to an image in the course images/ folder.'),
    alt: text.describe('What the image shows, for readers who cannot see it.'),
    caption: text.optional(),
    width: z.union([z.number(), z.string()]).optional(),
    height: z.union([z.number(), z.string()]).optional(),
  }),
  RaftSim: z
    .strictObject({
      scenario: z
        .enum(raftScenarioNames)
        .optional()
        .describe('A named start state and script of faults; defaults to basic.'),
      servers: count(MIN_SERVERS, MAX_SERVERS)
        .optional()
        .describe('How many servers; 5 unless given. Only without a scenario (or with basic).'),
      seed,
    })
    .superRefine(onlyWithoutScenario('basic', ['servers'])),
  MapReduceSim: z
    .strictObject({
      scenario: z
        .enum(mapReduceScenarioNames)
        .optional()
        .describe('A named run and script of faults; defaults to normal.'),
      workers: count(MIN_WORKERS, MAX_WORKERS)
        .optional()
        .describe('How many workers; 3 unless given. Only without a scenario (or with normal).'),
      maps: count(1, MAX_MAPS).optional().describe('How many map tasks (M); 6 unless given.'),
      reduces: count(1, MAX_REDUCES)
        .optional()
        .describe('How many reduce tasks (R); 3 unless given.'),
      backups: z
        .boolean()
        .optional()
        .describe(
          'Backup tasks near the end of a phase; true unless given (false: only the timeout re-issues).',
        ),
      seed,
    })
    .superRefine(onlyWithoutScenario('normal', ['workers', 'maps', 'reduces'])),
  HashRing: z.strictObject({
    scenario: z
      .enum(hashRingScenarioNames)
      .optional()
      .describe('What playing does: add-node (default), remove-node or vnodes.'),
    nodes: count(MIN_NODES, MAX_NODES)
      .optional()
      .describe('How many nodes the ring starts with; 4 unless given.'),
    vnodes: count(1, MAX_VNODES)
      .optional()
      .describe('Virtual nodes per node at the start; 1 unless the scenario says otherwise.'),
    keys: count(MIN_KEYS, MAX_KEYS).optional().describe('How many keys; 60 unless given.'),
    seed,
  }),
  HistoryChecker: z
    .strictObject({
      history: z
        .enum(historyPresetNames)
        .optional()
        .describe('A named history to start from; defaults to basic. Not with ops.'),
      ops: z
        .array(historyOpSchema())
        .optional()
        .describe('The history written out, one object per operation. Not with history.'),
      title: text.optional().describe("Shown under the checker; defaults to the history's own."),
      caption: text.optional().describe("What to look for; defaults to the history's own."),
    })
    .refine((props) => props.history === undefined || props.ops === undefined, {
      message: 'give either history="<name>" or ops={[…]}, not both',
      path: ['ops'],
    })
    .superRefine((props, context) => {
      if (!props.ops) return
      for (const problem of historyProblems(props.ops))
        context.addIssue({ code: 'custom', message: problem.en, path: ['ops'] })
    }),
} satisfies Record<string, z.ZodType>

/** One operation of an inline history: `{ client: 'C1', kind: 'write', value: 1, invoke: 0, return: 10 }`. */
function historyOpSchema() {
  const time = z
    .number()
    .int('must be a whole number')
    .min(0, `must be 0 to ${MAX_TIME}`)
    .max(MAX_TIME, `must be 0 to ${MAX_TIME}`)
  return z.strictObject({
    client: text.describe('Who issued it, e.g. C1: one row of the timeline per client.'),
    kind: z.enum(['read', 'write']),
    value: z.number().int('must be a whole number').describe('The value written or read.'),
    invoke: time.describe('When it was called.'),
    return: time
      .nullable()
      .describe('When it returned; null for a write that timed out (never for a read).'),
  })
}

export type ComponentName = keyof typeof componentPropSchemas
export const componentNames = Object.keys(componentPropSchemas) as ComponentName[]

export type CalloutProps = z.infer<(typeof componentPropSchemas)['Callout']>
export type VideoProps = z.infer<(typeof componentPropSchemas)['Video']>
export type ExerciseProps = z.infer<(typeof componentPropSchemas)['Exercise']>
export type PaperProps = z.infer<(typeof componentPropSchemas)['Paper']>
export type RaftSimProps = z.infer<(typeof componentPropSchemas)['RaftSim']>
export type MapReduceSimProps = z.infer<(typeof componentPropSchemas)['MapReduceSim']>
export type HashRingProps = z.infer<(typeof componentPropSchemas)['HashRing']>
export type HistoryCheckerProps = z.infer<(typeof componentPropSchemas)['HistoryChecker']>
export type FigureProps = z.infer<(typeof componentPropSchemas)['Figure']>

/** Where a component may appear: children that only make sense inside a parent. */
export const requiredParents: Partial<Record<ComponentName, ComponentName[]>> = {
  Hint: ['Exercise'],
  Solution: ['Exercise'],
  Choice: ['Quiz'],
  Explanation: ['Quiz'],
}

import type { MDXComponents } from 'mdx/types'
import type { ComponentName } from '@/lib/mdx/component-props'
import { Callout } from '@/components/mdx/callout'
import { Choice } from '@/components/mdx/choice'
import { CodeBlock } from '@/components/mdx/code-block'
import { CodeTabs } from '@/components/mdx/code-tabs'
import { Exercise } from '@/components/mdx/exercise'
import { Explanation } from '@/components/mdx/explanation'
import { Figure } from '@/components/mdx/figure'
import { Hint } from '@/components/mdx/hint'
import { HistoryChecker } from '@/components/mdx/history-checker'
import { Mermaid } from '@/components/mdx/mermaid'
import { Paper } from '@/components/mdx/paper'
import { Quiz } from '@/components/mdx/quiz'
import { RaftSim } from '@/components/mdx/raft-sim'
import { MapReduceSim } from '@/components/mdx/mapreduce-sim'
import { HashRing } from '@/components/mdx/hash-ring'
import { Solution } from '@/components/mdx/solution'
import { StaticHtml } from '@/components/mdx/static-html'
import { Video } from '@/components/mdx/video'

/** Every component authors may use without an import; the pipeline checks uses against the same names. */
const authorComponents = {
  Callout,
  Choice,
  CodeTabs,
  Exercise,
  Explanation,
  Figure,
  HistoryChecker,
  Hint,
  Mermaid,
  Paper,
  Quiz,
  RaftSim,
  MapReduceSim,
  HashRing,
  Solution,
  Video,
} satisfies Record<ComponentName, unknown>

const components: MDXComponents = {
  ...authorComponents,
  // Built by the pipeline, not written by authors.
  CodeBlock,
  StaticHtml,
}

export function useMDXComponents(): MDXComponents {
  return components
}

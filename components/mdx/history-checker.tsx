import type { HistoryCheckerProps } from '@/lib/mdx/component-props'
import { resolveHistory } from '@/lib/sim/history/setup'
import { historyProblems } from '@/lib/sim/history/validate'
import { HistoryView } from '../sim/history/history-view'
import { SimFrame } from '../sim/sim-frame'

/**
 * `<HistoryChecker history="stale-read" />`: a history of reads and writes on one register the
 * reader edits and checks for linearizability. Drawn here, at build time, as it starts; the
 * checker's code loads only when the figure nears the viewport or the reader presses 检查.
 */
export function HistoryChecker(props: HistoryCheckerProps) {
  const start = resolveHistory(props)
  const problems = historyProblems(start.ops).map((problem) => problem.zh)
  return (
    <SimFrame kind="history" props={props} title={start.title} caption={start.caption}>
      <HistoryView title={start.title} ops={start.ops} result={null} problems={problems} />
    </SimFrame>
  )
}

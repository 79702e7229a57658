import { opWithTimes } from '@/lib/sim/history/describe'
import type { CheckResult, HistoryOp } from '@/lib/sim/history/types'

interface HistoryVerdictProps {
  ops: readonly HistoryOp[]
  result: CheckResult | null
  /** What keeps the history from being checked, in Chinese. */
  problems: readonly string[]
}

/** The checker's answer in words, in a live region: the verdict, then the order or the dead end. */
export function HistoryVerdict({ ops, result, problems }: HistoryVerdictProps) {
  return (
    <div className="history-verdict" role="status" aria-live="polite">
      {problems.length > 0 ? (
        <>
          <p className="history-verdict-title" data-verdict="invalid">
            这段历史还不能检查：
          </p>
          <ul>
            {problems.map((problem) => (
              <li key={problem}>{problem}</li>
            ))}
          </ul>
        </>
      ) : result === null ? (
        <p className="history-verdict-idle">按“检查”判断这段历史是否线性一致。</p>
      ) : result.linearizable ? (
        <Linearization ops={ops} order={result.order} />
      ) : (
        <>
          <p className="history-verdict-title" data-verdict="no">
            不线性一致。
          </p>
          <p>
            搜索走得最远的一条路排好了 {result.prefix.length} 个操作
            {result.prefix.length > 0 &&
              `：${result.prefix.map((i) => opWithTimes(ops[i]!)).join(' → ')}`}
            ，此时寄存器的值是 {result.state}。
          </p>
          <p>
            剩下的操作里最早返回的是 <strong>{opWithTimes(ops[result.stuck]!)}</strong>
            ，此时没有哪个写能排到它前面：{result.reason}。换一种排法也走不通。
          </p>
        </>
      )}
    </div>
  )
}

function Linearization({ ops, order }: { ops: readonly HistoryOp[]; order: readonly number[] }) {
  const never = ops.flatMap((op, i) => (order.includes(i) ? [] : [opWithTimes(op)]))
  return (
    <>
      <p className="history-verdict-title" data-verdict="yes">
        线性一致。
      </p>
      <p>一个合法的线性化（时间线上的编号点是各自的线性化点）：</p>
      <ol className="history-order">
        {order.map((index) => (
          <li key={index}>{opWithTimes(ops[index]!)}</li>
        ))}
      </ol>
      {never.length > 0 && <p>视为从未生效：{never.join('；')}。</p>}
    </>
  )
}

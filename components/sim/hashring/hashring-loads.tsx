import type { HashRingSimulation } from '@/lib/sim/hashring/hashring'
import { nodeName } from '@/lib/sim/hashring/ring'

/**
 * Keys per node as a bar chart in HTML (a list the screen reader reads as text), the legend of
 * the ring's colours, and what the last change moved, against what hash mod N would move.
 */
export function HashRingLoads({ sim }: { sim: HashRingSimulation }) {
  const loads = sim.loads
  const most = Math.max(...loads, 1)
  const change = sim.lastChange
  const total = sim.keys.length
  return (
    <div className="hr-loads">
      <p className="hr-loads-title">
        每个节点负责的键（平均 {(total / sim.nodes.length).toFixed(1)} 个）
      </p>
      <ul>
        {sim.nodes.map((node, index) => (
          <li key={node} data-node={node % 8}>
            <span className="hr-swatch" aria-hidden="true" />
            <span className="hr-node-name">{nodeName(node)}</span>
            <span className="hr-bar" aria-hidden="true">
              <span style={{ width: `${(100 * loads[index]!) / most}%` }} />
            </span>
            <span className="hr-count">{`${loads[index]} 个键`}</span>
          </li>
        ))}
      </ul>
      <p className="hr-compare">
        {change
          ? `上一次变动：一致性哈希移动了 ${change.moved.length} 个键；同样的变动用 hash mod N 会移动 ${change.modMoved} 个（共 ${total} 个）。`
          : '还没有变动：按播放，或加入、移除一个节点。'}
      </p>
    </div>
  )
}

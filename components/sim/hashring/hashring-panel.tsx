import type { HashRingAction, HashRingSimulation } from '@/lib/sim/hashring/hashring'
import { MAX_VNODES, MIN_NODES, nodeName } from '@/lib/sim/hashring/ring'

/** The virtual-node counts the reader can pick (and the ring's own, if it is another). */
const VNODE_CHOICES = [1, 2, 4, 8, 16, 32, MAX_VNODES]

/**
 * The reader's changes: add a node, remove one, pick the number of virtual nodes. Without
 * `act` (the static picture, drawn by a server component) every button is disabled.
 */
export function HashRingPanel({
  sim,
  act,
}: {
  sim: HashRingSimulation
  act?: (action: HashRingAction) => void
}) {
  const disabled = !act
  const next = sim.nextNode
  const choices = [...new Set([...VNODE_CHOICES, sim.vnodes])].sort((a, b) => a - b)
  return (
    <div className="sim-panel hr-panel">
      <div role="group" aria-label="节点">
        <button
          type="button"
          className="sim-button"
          disabled={disabled || next === undefined}
          onClick={act && (() => act({ type: 'add' }))}
        >
          {next === undefined ? '节点已满' : `加入 ${nodeName(next)}`}
        </button>
        {sim.nodes.map((node) => (
          <button
            key={node}
            type="button"
            className="sim-button"
            disabled={disabled || sim.nodes.length <= MIN_NODES}
            onClick={act && (() => act({ type: 'remove', node }))}
          >
            {`移除 ${nodeName(node)}`}
          </button>
        ))}
      </div>
      <div role="group" aria-label="每个节点的虚拟节点数">
        <span className="hr-panel-label" aria-hidden="true">
          虚拟节点
        </span>
        {choices.map((count) => (
          <button
            key={count}
            type="button"
            className="sim-button"
            aria-pressed={count === sim.vnodes}
            disabled={disabled}
            onClick={act && (() => act({ type: 'vnodes', count }))}
          >
            {count}
          </button>
        ))}
      </div>
    </div>
  )
}

import type { HashRingSimulation } from '@/lib/sim/hashring/hashring'
import { nodeName, RING_SIZE } from '@/lib/sim/hashring/ring'

/**
 * The ring drawn as an SVG (no hooks: the same markup at build time and live): each virtual
 * node a tick on the ring in its node's colour, each key a dot inside the ring in its owner's
 * colour; the keys the last change moved are drawn larger, ringed.
 */

const SIZE = 320
const CENTER = SIZE / 2
const RING = 128
const KEY_RING = 110

function point(position: number, radius: number) {
  const angle = -Math.PI / 2 + (2 * Math.PI * position) / RING_SIZE
  const round = (value: number) => Math.round(value * 10) / 10
  return {
    x: round(CENTER + radius * Math.cos(angle)),
    y: round(CENTER + radius * Math.sin(angle)),
  }
}

export function HashRingPicture({ sim }: { sim: HashRingSimulation }) {
  const moved = new Set(sim.lastChange?.moved ?? [])
  return (
    <svg
      className="hr-ring"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`哈希环：${sim.nodes.length} 个节点，每个 ${sim.vnodes} 个虚拟节点，${sim.keys.length} 个键；上一次变动移动了 ${moved.size} 个键`}
    >
      <circle className="hr-circle" cx={CENTER} cy={CENTER} r={RING} />
      {sim.ring.map((vnode) => {
        const inner = point(vnode.position, RING - 7)
        const outer = point(vnode.position, RING + 7)
        return (
          <line
            key={`${vnode.node}-${vnode.replica}`}
            className="hr-vnode"
            data-node={vnode.node % 8}
            x1={inner.x}
            y1={inner.y}
            x2={outer.x}
            y2={outer.y}
          />
        )
      })}
      {sim.keys.map((position, key) => {
        const at = point(position, KEY_RING)
        const owner = sim.owners[key]!
        return (
          <circle
            key={key}
            className="hr-key"
            data-node={owner % 8}
            data-moved={moved.has(key) ? '' : undefined}
            cx={at.x}
            cy={at.y}
            r={moved.has(key) ? 6 : 3.5}
          >
            <title>{`key-${key + 1} → ${nodeName(owner)}`}</title>
          </circle>
        )
      })}
      <text className="hr-center" x={CENTER} y={CENTER - 8}>
        {`${sim.nodes.length} 个节点 · 每个 ${sim.vnodes} 个虚拟节点`}
      </text>
      <text className="hr-center hr-muted" x={CENTER} y={CENTER + 12}>
        {`${sim.keys.length} 个键 · 高亮的刚换过节点`}
      </text>
    </svg>
  )
}

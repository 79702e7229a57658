import type { TimedAction } from '../simulation'
import type { HashRingAction } from './hashring'

/**
 * What playing a `<HashRing scenario="…" />` does: a start (nodes, virtual nodes, keys, seed)
 * and timed changes, with a caption of what to watch. The reader can change the ring at any
 * time. Imported by the content checker (for the allowed names), so it imports types only.
 */
export interface HashRingScenario {
  title: string
  caption: string
  nodes: number
  vnodes: number
  keys: number
  seed: number
  script: TimedAction<HashRingAction>[]
}

export const hashRingScenarios = {
  'add-node': {
    title: '一致性哈希：加入一个节点',
    caption:
      '四个节点、每个 8 个虚拟节点、60 个键。按播放：N5 加入环，被高亮的键是换了节点的键，它们全都落到 N5 身上；记录里对比同一次变动下 hash mod N 要挪动多少键。',
    nodes: 4,
    vnodes: 8,
    keys: 60,
    seed: 285,
    script: [{ at: 1000, action: { type: 'add' } }],
  },
  'remove-node': {
    title: '一致性哈希：移除一个节点',
    caption:
      '五个节点、每个 8 个虚拟节点。按播放：N2 离开，只有原本属于 N2 的键移动，每个键交给它顺时针方向遇到的下一个虚拟节点的主人，别的键原地不动。',
    nodes: 5,
    vnodes: 8,
    keys: 60,
    seed: 285,
    script: [{ at: 1000, action: { type: 'remove', node: 1 } }],
  },
  vnodes: {
    title: '一致性哈希：虚拟节点让负载变匀',
    caption:
      '四个节点起初各只有 1 个位置，环上的弧长短不一，负载很不均匀。按播放：虚拟节点数依次变成 4、16、64，看柱状图里最重和最轻的节点怎样靠近平均值。',
    nodes: 4,
    vnodes: 1,
    keys: 120,
    seed: 36,
    script: [
      { at: 1000, action: { type: 'vnodes', count: 4 } },
      { at: 2000, action: { type: 'vnodes', count: 16 } },
      { at: 3000, action: { type: 'vnodes', count: 64 } },
    ],
  },
} satisfies Record<string, HashRingScenario>

export type HashRingScenarioName = keyof typeof hashRingScenarios
export const hashRingScenarioNames = Object.keys(hashRingScenarios) as HashRingScenarioName[]

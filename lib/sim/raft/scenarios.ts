import type { TimedAction } from '../simulation'
import type { RaftAction } from './types'

/**
 * Named start states and fault scripts an author picks with `<RaftSim scenario="…" />`. Each is
 * a seed, the first election timeouts (so the story starts the same way on every run) and a
 * script of timed actions; the reader can still act and change the story. Imported by the
 * content checker (for the allowed names), so it imports types only.
 */
export interface RaftScenario {
  title: string
  /** What to watch, shown under the simulation. */
  caption: string
  servers: number
  seed: number
  firstTimeouts?: number[]
  script: TimedAction<RaftAction>[]
}

export const raftScenarios = {
  basic: {
    title: 'Raft：选举与日志复制',
    caption:
      '五台服务器从同一任期起步，谁的选举计时器先到期，谁就先当候选人。选出领导者后，点“客户端请求”写入命令，看它怎样复制到多数派并提交；再崩溃领导者或切断网络，看集群怎样恢复。',
    servers: 5,
    seed: 1,
    script: [],
  },
  'split-vote': {
    title: 'Raft：选票瓜分',
    caption:
      'S1–S4 的选举计时器几乎同时到期，四个候选人各投自己一票，只剩 S5 一票可争，任期 1 没有人拿到多数。看随机化的超时怎样让下一任期只有一个候选人先跑出来。',
    servers: 5,
    seed: 7,
    firstTimeouts: [150, 151, 152, 153, 400],
    script: [],
  },
  'leader-crash': {
    title: 'Raft：领导者崩溃',
    caption:
      'S1 当选任期 1 的领导者并提交两条命令，随后在 0.8 秒崩溃。看跟随者的计时器怎样到期、新任期怎样选出新领导者，新领导者又提交了第三条命令；S1 在 1.8 秒重启后只能当跟随者，从新领导者那里补上它错过的日志。',
    servers: 5,
    seed: 3,
    firstTimeouts: [150, 250, 270, 290, 310],
    script: [
      { at: 400, action: { type: 'request' } },
      { at: 500, action: { type: 'request' } },
      { at: 800, action: { type: 'crash', server: 'leader' } },
      { at: 1300, action: { type: 'request' } },
      { at: 1800, action: { type: 'restart', server: 0 } },
    ],
  },
  'partition-minority-leader': {
    title: 'Raft：领导者落在少数派一侧',
    caption:
      '0.7 秒时网络分成 {S1 S2} 和 {S3 S4 S5}。旧领导者 S1 还收下一条请求，却凑不齐多数派；另一侧选出新领导者并继续提交。2 秒时网络恢复：看 S1 怎样退位，它那条从未提交的日志被覆盖。',
    servers: 5,
    seed: 5,
    firstTimeouts: [150, 250, 270, 290, 310],
    script: [
      { at: 400, action: { type: 'request' } },
      { at: 700, action: { type: 'partition', groups: [0, 0, 1, 1, 1] } },
      { at: 750, action: { type: 'request', server: 0 } },
      { at: 1400, action: { type: 'request' } },
      { at: 2000, action: { type: 'heal' } },
    ],
  },
  'figure-8': {
    title: 'Raft：论文图 8，旧任期的条目不能靠计数提交',
    caption:
      '复现论文的图 8。S1 在任期 1 收下 x←2，分区中只复制到 S2；另一侧的 S5 当选任期 2，在同一位置写下 x←3 后被隔离、崩溃。S1 在任期 3 重新当选，把 x←2 补到 S3、S4：四台已是多数派，S1 却不提交它，因为它不是本任期的条目。1.1 秒 S1 崩溃，最后一条日志任期更高的 S5 当选任期 4，把各台的 x←2 覆盖成 x←3。重放一次，在 S1 当选任期 3（约 0.97 秒）之后、1.05 秒之前点“客户端请求”：S1 先提交一条任期 3 的条目，x←2 随它一起提交，S5 再也选不上。',
    servers: 5,
    seed: 8,
    firstTimeouts: [150, 250, 270, 290, 310],
    script: [
      { at: 400, action: { type: 'request' } },
      { at: 600, action: { type: 'partition', groups: [0, 0, 1, 1, 1] } },
      { at: 650, action: { type: 'request', server: 0 } },
      { at: 700, action: { type: 'timeout', server: 4 } },
      // S5 alone before its entry: it must not reach S3 and S4 (in the figure it stays on S5).
      { at: 790, action: { type: 'partition', groups: [0, 0, 1, 1, 2] } },
      { at: 800, action: { type: 'request', server: 4 } },
      { at: 820, action: { type: 'crash', server: 4 } },
      { at: 860, action: { type: 'heal' } },
      { at: 920, action: { type: 'timeout', server: 0 } },
      { at: 1100, action: { type: 'crash', server: 0 } },
      { at: 1105, action: { type: 'restart', server: 4 } },
      { at: 1110, action: { type: 'timeout', server: 4 } },
      { at: 1140, action: { type: 'timeout', server: 4 } },
      { at: 1300, action: { type: 'request' } },
      { at: 1500, action: { type: 'restart', server: 0 } },
    ],
  },
} satisfies Record<string, RaftScenario>

export type RaftScenarioName = keyof typeof raftScenarios
export const raftScenarioNames = Object.keys(raftScenarios) as RaftScenarioName[]

import type { RaftSimulation } from '@/lib/sim/raft/raft'
import { type InFlight, type RaftServer, serverName } from '@/lib/sim/raft/types'

/**
 * The cluster drawn as a ring (SVG, no hooks: the same markup at build time and live): each
 * server with its term, role and election timer, and the messages in flight between them.
 */

const SIZE = 320
const CENTER = SIZE / 2
const RING = 112
const NODE = 27

const roleNames = { follower: '跟随者', candidate: '候选人', leader: '领导者' } as const
const groupNames = ['A', 'B', 'C', 'D', 'E', 'F', 'G']

function position(id: number, count: number) {
  const angle = -Math.PI / 2 + (2 * Math.PI * id) / count
  const round = (value: number) => Math.round(value * 10) / 10
  return { x: round(CENTER + RING * Math.cos(angle)), y: round(CENTER + RING * Math.sin(angle)) }
}

/** One sentence per server: the picture's text alternative. */
export function describeCluster(sim: RaftSimulation): string {
  return sim.servers
    .map((server) =>
      server.up
        ? `${serverName(server.id)}：${roleNames[server.role]}，任期 ${server.term}，日志 ${server.log.length} 条，已提交 ${server.commitIndex} 条`
        : `${serverName(server.id)}：已崩溃，任期 ${server.term}`,
    )
    .join('；')
}

function timerFraction(server: RaftServer, now: number): number {
  if (!server.up || !Number.isFinite(server.timerEnd)) return 0
  const span = server.timerEnd - server.timerStart
  return span > 0 ? Math.min(1, Math.max(0, (server.timerEnd - now) / span)) : 0
}

function Server({ server, sim }: { server: RaftServer; sim: RaftSimulation }) {
  const { x, y } = position(server.id, sim.size)
  const partitioned = sim.network.partitioned
  const fraction = timerFraction(server, sim.now)
  return (
    <g
      className="raft-server"
      data-role={server.up ? server.role : 'down'}
      data-server={server.id}
      transform={`translate(${x} ${y})`}
    >
      {fraction > 0 && (
        <circle
          className="raft-timer"
          r={NODE + 5}
          pathLength={1}
          strokeDasharray={`${fraction} 1`}
          transform="rotate(-90)"
        />
      )}
      <circle className="raft-node" r={NODE} />
      <text className="raft-name" y={-8}>
        {serverName(server.id)}
      </text>
      <text className="raft-term" y={12}>
        {server.term}
      </text>
      <text className="raft-role" y={NODE + 17}>
        {server.up ? roleNames[server.role] : '已崩溃'}
        {partitioned ? ` · ${groupNames[sim.network.partitionGroups[server.id]!] ?? ''}` : ''}
      </text>
    </g>
  )
}

function Message({
  message,
  sim,
  onDrop,
}: {
  message: InFlight
  sim: RaftSimulation
  onDrop?: (id: number) => void
}) {
  const from = position(message.from, sim.size)
  const to = position(message.to, sim.size)
  const t = Math.min(
    1,
    Math.max(0, (sim.now - message.sentAt) / (message.arrivesAt - message.sentAt || 1)),
  )
  const { body } = message
  const kind = body.type === 'RequestVote' || body.type === 'RequestVoteReply' ? 'vote' : 'append'
  const reply = body.type.endsWith('Reply')
  const heartbeat = body.type === 'AppendEntries' && body.entries.length === 0
  return (
    <circle
      className="raft-message"
      data-kind={kind}
      data-reply={reply ? '' : undefined}
      cx={from.x + (to.x - from.x) * t}
      cy={from.y + (to.y - from.y) * t}
      r={heartbeat ? 5 : 7}
      onClick={onDrop && (() => onDrop(message.id))}
    >
      <title>{`${serverName(message.from)}→${serverName(message.to)} ${body.type}（点击丢弃）`}</title>
    </circle>
  )
}

export function RaftPicture({
  sim,
  onDrop,
}: {
  sim: RaftSimulation
  onDrop?: (id: number) => void
}) {
  return (
    <svg
      className="raft-ring"
      viewBox={`0 0 ${SIZE} ${SIZE}`}
      role="img"
      aria-label={`集群状态：${describeCluster(sim)}`}
    >
      <text className="raft-legend" x={CENTER} y={CENTER - 6}>
        圆内数字：任期
      </text>
      <text className="raft-legend" x={CENTER} y={CENTER + 12}>
        外圈：选举计时器
      </text>
      {sim.servers.map((server) => (
        <Server key={server.id} server={server} sim={sim} />
      ))}
      {sim.network.messages.map((message) => (
        <Message key={message.id} message={message} sim={sim} onDrop={onDrop} />
      ))}
    </svg>
  )
}

import type { RaftSimulation } from '@/lib/sim/raft/raft'
import { type RaftAction, serverName } from '@/lib/sim/raft/types'

/**
 * The reader's faults and requests: per server crash/restart, time out, and the side of a
 * partition; for the cluster a client request, dropping the next message, healing the
 * network. Without `act` (the static picture, drawn by a server component) every button is
 * disabled and has no handler.
 */
export function RaftPanel({
  sim,
  act,
}: {
  sim: RaftSimulation
  act?: (action: RaftAction) => void
}) {
  const disabled = !act
  const groups = sim.network.partitionGroups
  const flip = (id: number) => groups.map((group, index) => (index === id ? 1 - group : group))
  return (
    <div className="sim-panel raft-panel">
      <div className="raft-actions" role="group" aria-label="集群操作">
        <button
          type="button"
          className="sim-button"
          disabled={disabled}
          onClick={act && (() => act({ type: 'request' }))}
        >
          客户端请求
        </button>
        <button
          type="button"
          className="sim-button"
          disabled={disabled}
          onClick={act && (() => act({ type: 'drop' }))}
          title="丢弃下一条将要到达的消息（也可以点击画面中的消息）"
        >
          丢弃下一条消息
        </button>
        <button
          type="button"
          className="sim-button"
          disabled={disabled || !sim.network.partitioned}
          onClick={act && (() => act({ type: 'heal' }))}
        >
          恢复网络
        </button>
      </div>
      <div className="raft-servers" role="group" aria-label="各服务器的操作">
        {sim.servers.map((server) => {
          const name = serverName(server.id)
          return (
            <div key={server.id} role="group" aria-label={name}>
              <span className="raft-server-name" aria-hidden="true">
                {name}
              </span>
              <button
                type="button"
                className="sim-button"
                disabled={disabled}
                onClick={
                  act &&
                  (() =>
                    act(
                      server.up
                        ? { type: 'crash', server: server.id }
                        : { type: 'restart', server: server.id },
                    ))
                }
              >
                {server.up ? `崩溃 ${name}` : `重启 ${name}`}
              </button>
              <button
                type="button"
                className="sim-button"
                disabled={disabled || !server.up || server.role === 'leader'}
                onClick={act && (() => act({ type: 'timeout', server: server.id }))}
              >
                {`${name} 超时`}
              </button>
              <button
                type="button"
                className="sim-button"
                disabled={disabled}
                aria-pressed={groups[server.id] === 1}
                onClick={act && (() => act({ type: 'partition', groups: flip(server.id) }))}
                title="把这台服务器放到网络分区的另一侧"
              >
                {`隔开 ${name}`}
              </button>
            </div>
          )
        })}
      </div>
    </div>
  )
}

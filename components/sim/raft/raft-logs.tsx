import type { RaftSimulation } from '@/lib/sim/raft/raft'
import { serverName } from '@/lib/sim/raft/types'

/** Columns shown even when the logs are short, so the table does not grow as entries arrive. */
const MIN_COLUMNS = 6

/** Every server's log as a table: one row per server, one cell per entry (its term). */
export function RaftLogs({ sim }: { sim: RaftSimulation }) {
  const columns = Math.max(MIN_COLUMNS, ...sim.servers.map((server) => server.log.length))
  const indexes = Array.from({ length: columns }, (_, index) => index + 1)
  return (
    <div className="raft-logs">
      <table>
        <caption>日志：格中数字是任期，实线格已提交，虚线格未提交</caption>
        <thead>
          <tr>
            <th scope="col">服务器</th>
            {indexes.map((index) => (
              <th key={index} scope="col">
                {index}
              </th>
            ))}
          </tr>
        </thead>
        <tbody>
          {sim.servers.map((server) => (
            <tr key={server.id} data-down={server.up ? undefined : ''}>
              <th scope="row">{serverName(server.id)}</th>
              {indexes.map((index) => {
                const entry = server.log[index - 1]
                if (!entry) return <td key={index} />
                const committed = index <= server.commitIndex
                return (
                  <td
                    key={index}
                    className="raft-entry"
                    data-committed={committed ? '' : undefined}
                    title={`${entry.command}，任期 ${entry.term}${committed ? '，已提交' : '，未提交'}`}
                  >
                    {entry.term}
                  </td>
                )
              })}
            </tr>
          ))}
        </tbody>
      </table>
    </div>
  )
}

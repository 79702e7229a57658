import type { MapReduceSimulation } from '@/lib/sim/mapreduce/mapreduce'
import { type Task, type Worker, taskName, workerName } from '@/lib/sim/mapreduce/types'

/**
 * The job drawn as an SVG (no hooks: the same markup at build time and live): a row of map
 * tiles and a row of reduce tiles coloured by state, and a card per worker with what it runs,
 * how far it has got, and which map outputs sit on its local disk.
 */

const WIDTH = 360
const LABEL = 58
const TILE_GAP = 4
const CARD_W = 114
const CARD_H = 70
const CARD_GAP = 9
const CARDS_TOP = 84
const COLUMNS = 3

const stateNames = { idle: '待分配', 'in-progress': '进行中', done: '已完成' } as const

/** The map tasks whose output is on this worker's disk now. */
function diskOf(sim: MapReduceSimulation, worker: Worker): Task[] {
  return sim.maps.filter(
    (task) =>
      task.output?.worker === worker.id &&
      task.output.incarnation === worker.incarnation &&
      worker.up,
  )
}

/** `m1 m4`, or `m1 m2 m3 等 6 个` when the card has no room for them all. */
function diskLabel(disk: readonly Task[]): string {
  if (disk.length === 0) return '—'
  const names = disk.map((task) => `m${task.index + 1}`)
  return disk.length <= 4 ? names.join(' ') : `${names.slice(0, 3).join(' ')} 等 ${disk.length} 个`
}

function workerStatus(worker: Worker): string {
  if (!worker.up) return '已崩溃'
  if (worker.attempt)
    return `${worker.attempt.backup ? '备份 ' : ''}${taskName(worker.attempt.task)}`
  return worker.exited ? '已退出' : '空闲'
}

/** The picture's text alternative: every task's state and every worker's work, in words. */
export function describeJob(sim: MapReduceSimulation): string {
  const tasks = [...sim.maps, ...sim.reduces]
    .map((task) => `${taskName(task)}${stateNames[task.state]}`)
    .join('，')
  const workers = sim.workers
    .map((worker) => {
      const disk = diskOf(sim, worker)
      return `${workerName(worker.id)}：${workerStatus(worker)}${worker.slow ? '（慢）' : ''}${disk.length > 0 ? `，磁盘上有 ${disk.map(taskName).join('、')} 的输出` : ''}`
    })
    .join('；')
  return `${tasks}。${workers}`
}

function TaskRow({ tasks, y, label }: { tasks: readonly Task[]; y: number; label: string }) {
  const size = Math.min(24, (WIDTH - LABEL) / tasks.length - TILE_GAP)
  return (
    <g className="mr-row">
      <text className="mr-label" x={0} y={y + size / 2 + 4}>
        {label}
      </text>
      {tasks.map((task) => (
        <g
          key={task.index}
          className="mr-task"
          data-state={task.state}
          transform={`translate(${LABEL + task.index * (size + TILE_GAP)} ${y})`}
        >
          <rect width={size} height={size} rx={3} />
          <text x={size / 2} y={size / 2 + 4}>
            {task.index + 1}
          </text>
        </g>
      ))}
    </g>
  )
}

function WorkerCard({ sim, worker }: { sim: MapReduceSimulation; worker: Worker }) {
  const x = (worker.id % COLUMNS) * (CARD_W + CARD_GAP)
  const y = CARDS_TOP + Math.floor(worker.id / COLUMNS) * (CARD_H + CARD_GAP)
  const progress = worker.attempt ? sim.progressOf(worker.attempt) : 0
  const disk = diskOf(sim, worker)
  return (
    <g
      className="mr-worker"
      data-up={worker.up ? undefined : 'false'}
      data-slow={worker.slow ? '' : undefined}
      transform={`translate(${x} ${y})`}
    >
      <rect className="mr-card" width={CARD_W} height={CARD_H} rx={5} />
      <text className="mr-name" x={8} y={17}>
        {workerName(worker.id)}
        {worker.slow ? ' · 慢' : ''}
      </text>
      <text className="mr-status" x={8} y={33}>
        {workerStatus(worker)}
      </text>
      <rect className="mr-bar" x={8} y={40} width={CARD_W - 16} height={7} rx={2} />
      {progress > 0 && (
        <rect
          className="mr-bar-fill"
          data-kind={worker.attempt?.task.kind}
          x={8}
          y={40}
          width={(CARD_W - 16) * progress}
          height={7}
          rx={2}
        />
      )}
      <text className="mr-disk" x={8} y={62}>
        {`磁盘：${diskLabel(disk)}`}
      </text>
    </g>
  )
}

export function MapReducePicture({ sim }: { sim: MapReduceSimulation }) {
  const rows = Math.ceil(sim.workers.length / COLUMNS)
  const height = CARDS_TOP + rows * (CARD_H + CARD_GAP) - CARD_GAP + 2
  const phase = { map: 'map 阶段', reduce: 'reduce 阶段', done: '作业完成' }[sim.phase]
  return (
    <svg
      className="mr-picture"
      viewBox={`-1 -1 ${WIDTH + 2} ${height + 2}`}
      role="img"
      aria-label={`作业状态（${phase}）：${describeJob(sim)}`}
    >
      <TaskRow tasks={sim.maps} y={0} label="map" />
      <TaskRow tasks={sim.reduces} y={32} label="reduce" />
      <text className="mr-phase" x={0} y={76}>
        {`协调者：${phase}`}
      </text>
      {sim.workers.map((worker) => (
        <WorkerCard key={worker.id} sim={sim} worker={worker} />
      ))}
    </svg>
  )
}

/**
 * A string only each simulation's core contains (a sentence of its event log): the benchmark and
 * the browser tests tell by it which script is whose. Add a simulation here when you add one to
 * components/sim/sim-loader.tsx.
 */
export const SIMULATION_MARKS = {
  raft: '成为候选人',
  mapreduce: '输出留在它的本地磁盘上',
  hashring: '一致性哈希下',
  history: '此时寄存器只能是',
} as const

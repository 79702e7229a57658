/**
 * Generates a course of N lectures for the build benchmark, deterministically from a seed:
 * `node bench/gen-course.ts <content-dir> <N> [seed]`. Each lecture has Chinese prose with
 * English terms, several sections, Go code (one whole file), a Python block, inline and
 * display math, a Mermaid flowchart, a table and a link to the previous lecture, so the
 * build does per lecture the same kinds of work a real lecture asks of it.
 */
import fs from 'node:fs'
import path from 'node:path'

/** A small deterministic generator (mulberry32), so every run builds the same content. */
function random(seed: number): () => number {
  let state = seed >>> 0
  return () => {
    state = (state + 0x6d2b79f5) >>> 0
    let t = state
    t = Math.imul(t ^ (t >>> 15), t | 1)
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61)
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296
  }
}

const SUBJECTS = [
  '领导者',
  '跟随者',
  '日志',
  '快照',
  '副本',
  '分片',
  '协调者',
  '客户端',
  '状态机',
  '租约',
  '任期',
  '提交索引',
]
const VERBS = ['复制', '持久化', '检查', '回退', '合并', '广播', '确认', '截断', '重放', '比较']
const OBJECTS = [
  '日志条目',
  '多数派的确认',
  '一致性检查',
  '选举超时',
  '心跳消息',
  '写前日志',
  '版本号',
  '读请求',
]
const TERMS = [
  'Raft',
  'leader',
  'log',
  'quorum',
  'snapshot',
  'linearizability',
  'RPC',
  'term',
  'commit index',
]
const TAILS = [
  '这样系统才能在部分故障下继续前进。',
  '否则两个副本会给出互相矛盾的答案。',
  '代价是多一次网络往返。',
  '这正是多数派交集带来的保证。',
  '所以这一步必须在回复之前完成。',
]

export function generateLecture(index: number, total: number, seed: number): string {
  const next = random(seed * 1000 + index)
  const pick = <T>(items: T[]) => items[Math.floor(next() * items.length)]!
  const sentence = () =>
    `${pick(SUBJECTS)}在${pick(VERBS)}${pick(OBJECTS)}时使用 ${pick(TERMS)}，${pick(TAILS)}`
  const paragraph = (count: number) => Array.from({ length: count }, sentence).join('')
  const number = String(index).padStart(3, '0')
  const sections = [
    '问题从哪里来',
    '核心机制',
    '一个具体的例子',
    '实现要点',
    '常见误区',
    '本讲小结',
  ]
  const body: string[] = [paragraph(6)]
  if (index > 1)
    body.push(`本讲建立在[上一讲](./lecture-${String(index - 1).padStart(3, '0')}.mdx)的基础上。`)
  sections.forEach((title, position) => {
    body.push(`## ${title}`, paragraph(8), paragraph(7))
    if (position === 1) {
      body.push(
        '多数派的大小是 $\\lfloor n/2 \\rfloor + 1$，容忍的故障数为：',
        '$$\nf = \\left\\lfloor \\frac{n - 1}{2} \\right\\rfloor\n$$',
      )
      body.push(
        '```mermaid\nflowchart LR\n  C[客户端] --> L[领导者]\n  L --> F1[跟随者 1]\n  L --> F2[跟随者 2]\n```',
      )
    }
    if (position === 2) {
      body.push(
        '| 服务器 | 任期 | 日志长度 |\n| --- | --- | --- |\n| S1 | 3 | 7 |\n| S2 | 3 | 6 |\n| S3 | 2 | 4 |',
      )
      body.push(
        `\`\`\`go title="majority.go"\npackage main\n\nimport "fmt"\n\nfunc majority(n int) int { return n/2 + 1 }\n\nfunc main() {\n\tfor _, n := range []int{3, 5, ${(index % 7) + 7}} {\n\t\tfmt.Println(n, majority(n))\n\t}\n}\n\`\`\``,
      )
    }
    if (position === 3) {
      body.push(
        '```go {2-3}\nfunc (rf *Raft) lastLogTerm() int {\n\tif len(rf.log) == 0 {\n\t\treturn 0\n\t}\n\treturn rf.log[len(rf.log)-1].Term\n}\n```',
      )
      body.push('```go\nfor peer := range rf.peers {\n\tgo rf.sendHeartbeat(peer)\n}\n```')
      body.push('```python\ndef majority(n: int) -> int:\n    return n // 2 + 1\n```')
    }
  })
  return `---\ntitle: 第 ${index} 讲：生成的讲义 ${number}\ndescription: 用于构建基准的第 ${index} / ${total} 讲。\n---\n\n${body.join('\n\n')}\n`
}

export function generateCourse(contentDir: string, lectures: number, seed = 1): void {
  fs.rmSync(contentDir, { recursive: true, force: true })
  const courseDir = path.join(contentDir, 'bench-course')
  fs.mkdirSync(courseDir, { recursive: true })
  fs.writeFileSync(
    path.join(contentDir, 'site.yaml'),
    'title: 基准站点\ndescription: 生成的课程，用于测量构建成本。\nlanguage: zh-CN\n',
  )
  const slugs = Array.from(
    { length: lectures },
    (_, position) => `lecture-${String(position + 1).padStart(3, '0')}`,
  )
  const parts: string[] = []
  for (let start = 0; start < slugs.length; start += 10) {
    parts.push(
      `  - id: part-${start / 10 + 1}\n    title: 第 ${start / 10 + 1} 部分\n    lectures: [${slugs.slice(start, start + 10).join(', ')}]`,
    )
  }
  fs.writeFileSync(
    path.join(courseDir, 'course.yaml'),
    `title: 基准课程\ndescription: ${lectures} 讲生成的讲义。\nparts:\n${parts.join('\n')}\n`,
  )
  slugs.forEach((slug, position) =>
    fs.writeFileSync(
      path.join(courseDir, `${slug}.mdx`),
      generateLecture(position + 1, lectures, seed),
    ),
  )
}

if (import.meta.main) {
  const [dir, count, seed] = process.argv.slice(2)
  if (!dir || !count) {
    console.error('usage: node bench/gen-course.ts <content-dir> <lectures> [seed]')
    process.exit(2)
  }
  generateCourse(path.resolve(dir), Number(count), Number(seed ?? 1))
  console.log(`generated ${count} lectures in ${dir}`)
}

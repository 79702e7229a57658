import { spawn } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { Lab, LabPart } from '../content/model.ts'
import { GO_ENV } from '../samples/check-samples.ts'
import { kitFiles, referenceFiles, writeKit } from './kit.ts'

/**
 * `check:labs`: every lab with a kit is assembled twice, as the student gets it (the skeleton)
 * and with the reference solution laid over it. Both must pass `go vet`; every part's command
 * must pass on the reference with every selected test passing, and every test it selects must
 * end in the part id and FAIL on the skeleton, quickly. Each broken rule is one failure naming
 * the handout (and the part's line in its frontmatter) and what to fix.
 */

export interface LabFailure {
  file: string
  line: number | undefined
  message: string
}

export interface LabReport {
  lab: string
  failures: LabFailure[]
  /** Wall time of the reference runs, in seconds. */
  referenceSeconds: number
  /** Wall time of the skeleton runs, in seconds. */
  skeletonSeconds: number
}

export interface CheckLabOptions {
  /** Runs the reference suite this many times in a row (`-count`), to catch flaky fault tests. */
  repeat?: number
}

/** A reference suite may take this long per package before `go test` stops it. */
const REFERENCE_TIMEOUT = '180s'
/** A skeleton's graded tests must fail well within this, not hang. */
const SKELETON_TIMEOUT = '60s'
/** A graded test that takes longer than this to fail on the skeleton fails too slowly. */
const SKELETON_SLOW_SECONDS = 30

interface RunResult {
  status: number | null
  output: string
  /** Top-level tests: name → final action (pass, fail, skip) and seconds. */
  tests: Map<string, { action: string; elapsed: number }>
  /** Lines that `go test` printed that are not events (build errors). */
  text: string
}

function run(args: string[], cwd: string, env: NodeJS.ProcessEnv): Promise<RunResult> {
  return new Promise((resolve) => {
    const child = spawn('go', args, { cwd, env })
    let stdout = ''
    let stderr = ''
    child.stdout.on('data', (chunk: Buffer) => (stdout += chunk.toString()))
    child.stderr.on('data', (chunk: Buffer) => (stderr += chunk.toString()))
    child.on('close', (status) => {
      const tests = new Map<string, { action: string; elapsed: number }>()
      const text: string[] = []
      let output = ''
      for (const line of stdout.split('\n')) {
        if (!line.startsWith('{')) {
          if (line.trim()) text.push(line)
          continue
        }
        const event = JSON.parse(line) as {
          Action: string
          Test?: string
          Elapsed?: number
          Output?: string
        }
        if (event.Output) output += event.Output
        if (!event.Test || event.Test.includes('/')) continue
        if (['pass', 'fail', 'skip'].includes(event.Action))
          tests.set(event.Test, { action: event.Action, elapsed: event.Elapsed ?? 0 })
      }
      resolve({ status, output, tests, text: [...text, stderr].join('\n').trim() })
    })
  })
}

/** The part's command as `go` arguments, with -json and a timeout added. */
function testArgs(part: LabPart, timeout: string, count: number): string[] {
  const [, ...rest] = part.test!.split(/\s+/)
  return [...rest.slice(0, 1), '-json', `-timeout=${timeout}`, `-count=${count}`, ...rest.slice(1)]
}

/** The line of `- id: <part>` in the handout's frontmatter. */
function partLine(lab: Lab, part: LabPart): number | undefined {
  const lines = fs.readFileSync(lab.file, 'utf8').split('\n')
  const index = lines.findIndex((line) => new RegExp(`^\\s*-\\s*id:\\s*${part.id}\\s*$`).test(line))
  return index === -1 ? undefined : index + 1
}

const tail = (text: string, lines = 30) => text.trim().split('\n').slice(-lines).join('\n')

export async function checkLab(lab: Lab, options: CheckLabOptions = {}): Promise<LabReport> {
  const failures: LabFailure[] = []
  const report: LabReport = { lab: lab.id, failures, referenceSeconds: 0, skeletonSeconds: 0 }
  const kit = lab.kit
  if (!kit) return report
  const fail = (message: string, part?: LabPart) =>
    failures.push({ file: lab.file, line: part ? partLine(lab, part) : undefined, message })
  const root = fs.mkdtempSync(path.join(os.tmpdir(), `check-${lab.id}-`))
  const skeletonDir = path.join(root, 'kit')
  const referenceDir = path.join(root, 'reference')
  try {
    writeKit(kitFiles(kit), skeletonDir)
    writeKit(referenceFiles(kit), referenceDir)
    for (const [what, dir] of [
      ['kit', skeletonDir],
      ['reference solution', referenceDir],
    ] as const) {
      const vet = await run(['vet', './...'], dir, GO_ENV)
      if (vet.status !== 0) fail(`go vet ./... fails on the assembled ${what}:\n${tail(vet.text)}`)
    }
    if (failures.length > 0) return report

    const raceEnv = { ...GO_ENV, CGO_ENABLED: '1' }
    for (const part of lab.parts) {
      const label = `part ${part.id} (${part.test})`
      let started = Date.now()
      const reference = await run(
        testArgs(part, REFERENCE_TIMEOUT, options.repeat ?? 1),
        referenceDir,
        raceEnv,
      )
      report.referenceSeconds += (Date.now() - started) / 1000
      const graded = [...reference.tests.keys()]
      if (reference.status !== 0 || [...reference.tests.values()].some((t) => t.action !== 'pass'))
        fail(
          `${label} fails on the reference solution; it must pass, with -race:\n${tail(reference.output || reference.text)}`,
          part,
        )
      if (graded.length === 0 && reference.status === 0)
        fail(`${label} selects no tests: its -run pattern matches none`, part)
      const suffix = part.id.toUpperCase()
      for (const name of graded.filter((test) => !test.endsWith(suffix)))
        fail(
          `${label} selects ${name}, whose name does not end in ${suffix}: rename it, or narrow the -run pattern`,
          part,
        )

      started = Date.now()
      const skeleton = await run(testArgs(part, SKELETON_TIMEOUT, 1), skeletonDir, raceEnv)
      report.skeletonSeconds += (Date.now() - started) / 1000
      if (/panic: test timed out/.test(skeleton.output))
        fail(
          `${label} hangs on the skeleton until go test's ${SKELETON_TIMEOUT} timeout: give the tests internal deadlines so a missing implementation fails in seconds`,
          part,
        )
      for (const name of graded) {
        const result = skeleton.tests.get(name)
        if (result?.action === 'pass' || result?.action === 'skip')
          fail(
            `${name} ${result.action === 'pass' ? 'passes' : 'is skipped'} on the skeleton, so it grades nothing: it must fail until the student's code is right`,
            part,
          )
        else if (result && result.elapsed > SKELETON_SLOW_SECONDS)
          fail(
            `${name} takes ${result.elapsed.toFixed(0)} s to fail on the skeleton: a graded test should fail within seconds (at most ${SKELETON_SLOW_SECONDS} s)`,
            part,
          )
      }
    }
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
  return report
}

/** Checks labs `jobs` at a time, reporting each as it finishes. */
export async function checkLabs(
  labs: Lab[],
  options: CheckLabOptions & { jobs?: number; onReport?: (report: LabReport) => void } = {},
): Promise<LabReport[]> {
  const queue = labs.filter((lab) => lab.kit)
  const reports: LabReport[] = []
  const worker = async () => {
    for (let lab = queue.shift(); lab; lab = queue.shift()) {
      const report = await checkLab(lab, options)
      reports.push(report)
      options.onReport?.(report)
    }
  }
  await Promise.all(Array.from({ length: Math.max(1, options.jobs ?? 1) }, worker))
  return reports
}

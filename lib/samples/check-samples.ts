import { execFileSync, spawnSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import type { CodeSample } from './extract.ts'

/** A sample that failed, located at the line of the page where the problem is. */
export interface SampleFailure {
  file: string
  line: number
  message: string
}

export interface SampleReport {
  checked: number
  ran: number
  failures: SampleFailure[]
}

const RUN_TIMEOUT_MS = 15_000

/** Go with the standard library only: no module proxy, no workspace, no cgo. */
export const GO_ENV = {
  ...process.env,
  GO111MODULE: 'on',
  GOFLAGS: '-mod=mod',
  GOPROXY: 'off',
  GOWORK: 'off',
  CGO_ENABLED: '0',
}

/** Whole-file Go samples start with `package` (after any comments); fragments are left alone. */
export function isWholeGoFile(code: string): boolean {
  return /^(?:\s*\/\/[^\n]*\n|\s*\n)*\s*package\s+\w+/.test(code)
}

/** Compares what a sample printed with what its Output comment says. */
export function compareOutput(sample: CodeSample, actual: string): string | undefined {
  const expected = sample.expectedOutput
  if (!expected) return undefined
  const got = actual
    .replace(/\s+$/, '')
    .split('\n')
    .map((line) => line.trimEnd())
  const want = expected.map((line) => line.trimEnd())
  const normalize = (lines: string[]) => (sample.unordered ? [...lines].sort() : lines).join('\n')
  if (normalize(got) === normalize(want)) return undefined
  return `output differs from its Output comment.\n--- expected\n${want.join('\n')}\n--- printed\n${got.join('\n')}`
}

export function goAvailable(): boolean {
  return spawnSync('go', ['version'], { stdio: 'ignore' }).status === 0
}

export function pythonAvailable(): boolean {
  return spawnSync('python3', ['--version'], { stdio: 'ignore' }).status === 0
}

/**
 * Builds every whole-file Go sample as its own package of one temporary module, so a single
 * `go vet` and `go build` cover them all; then runs the ones with an Output comment or `run`.
 * Compiler messages are mapped back to the page and line of the sample.
 */
export function checkGoSamples(samples: CodeSample[]): SampleReport {
  const whole = samples.filter((sample) => isWholeGoFile(sample.code))
  const failures: SampleFailure[] = []
  if (whole.length === 0) return { checked: 0, ran: 0, failures }

  const root = fs.mkdtempSync(path.join(os.tmpdir(), 'go-samples-'))
  const env = GO_ENV
  try {
    fs.writeFileSync(path.join(root, 'go.mod'), 'module samples\n\ngo 1.19\n')
    whole.forEach((sample, index) => {
      const dir = path.join(root, `s${index}`)
      fs.mkdirSync(dir)
      fs.writeFileSync(path.join(dir, 'main.go'), `${sample.code}\n`)
    })

    const broken = new Set<number>()
    const report = (output: string, tool: string) => {
      // Go prints `# samples/s3` before the messages of a package; located messages name the file.
      let current: number | undefined
      for (const line of output.split('\n')) {
        const header = /^# samples\/s(\d+)$/.exec(line.trim())
        if (header) {
          current = Number(header[1])
          continue
        }
        const located = /(?:^|\s|\.\/)s(\d+)\/main\.go:(\d+)(?::\d+)?:\s*(.*)$/.exec(line)
        const index = located ? Number(located[1]) : current
        if (index === undefined || line.trim() === '') continue
        const sample = whole[index]!
        broken.add(index)
        failures.push({
          file: sample.file,
          line: located ? sample.line + Number(located[2]) : sample.line,
          message: `go ${tool}: ${located ? located[3] : line.trim()}`,
        })
      }
    }
    for (const tool of ['vet', 'build'] as const) {
      // `-o dir/` keeps go build from writing a binary named like a sample folder.
      const args =
        tool === 'build'
          ? ['build', '-o', path.join(root, 'bin') + path.sep, './...']
          : ['vet', './...']
      const result = spawnSync('go', args, { cwd: root, env, encoding: 'utf8' })
      if (result.status !== 0) {
        const before = failures.length
        report(`${result.stdout}\n${result.stderr}`, tool)
        if (failures.length === before) {
          failures.push({
            file: whole[0]!.file,
            line: 0,
            message: `go ${tool} failed: ${result.stderr.trim()}`,
          })
          return { checked: whole.length, ran: 0, failures }
        }
        // vet already type-checks: build only what vet passed.
        if (tool === 'vet') break
      }
    }

    let ran = 0
    whole.forEach((sample, index) => {
      if (broken.has(index) || (!sample.run && !sample.expectedOutput)) return
      const binary = path.join(root, 'bin', `s${index}`)
      execFileSync('go', ['build', '-o', binary, `./s${index}`], { cwd: root, env, stdio: 'pipe' })
      const result = spawnSync(binary, [], { encoding: 'utf8', timeout: RUN_TIMEOUT_MS })
      ran++
      if (result.error || result.status !== 0) {
        const reason = result.error ? String(result.error.message) : `exit status ${result.status}`
        failures.push({
          file: sample.file,
          line: sample.line,
          message: `go run failed (${reason}): ${result.stderr.trim().split('\n').slice(0, 5).join(' | ')}`,
        })
        return
      }
      const difference = compareOutput(sample, result.stdout)
      if (difference)
        failures.push({ file: sample.file, line: sample.line, message: `go run: ${difference}` })
    })
    return { checked: whole.length, ran, failures }
  } finally {
    fs.rmSync(root, { recursive: true, force: true })
  }
}

/**
 * Vets and tests a course's module of included programs (`content/<course>/code/`) with the race
 * detector: the failure-path tests of the programs pages show excerpts of.
 */
export function checkGoModule(dir: string): SampleReport {
  const failures: SampleFailure[] = []
  const goMod = path.join(dir, 'go.mod')
  for (const args of [
    ['vet', './...'],
    ['test', '-race', '-count=1', './...'],
  ]) {
    // -race needs cgo; everything else here builds without it.
    const env = args[0] === 'test' ? { ...GO_ENV, CGO_ENABLED: '1' } : GO_ENV
    const result = spawnSync('go', args, { cwd: dir, env, encoding: 'utf8' })
    if (result.status !== 0) {
      const output = `${result.stdout}\n${result.stderr}`
        .split('\n')
        .filter((line) => line.trim() !== '' && !/^ok\s/.test(line))
      failures.push({
        file: goMod,
        line: 0,
        message: `go ${args.join(' ')} failed:\n${output.slice(0, 40).join('\n')}`,
      })
      break
    }
  }
  return { checked: 1, ran: failures.length === 0 ? 1 : 0, failures }
}

/**
 * Runs Python samples that declare what they print (`# Output:`) or ask to be run, with the
 * system's python3 and the standard library only.
 */
export function checkPythonSamples(samples: CodeSample[]): SampleReport {
  const runnable = samples.filter((sample) => sample.run || sample.expectedOutput)
  const failures: SampleFailure[] = []
  for (const sample of runnable) {
    const result = spawnSync('python3', ['-I', '-'], {
      input: sample.code,
      encoding: 'utf8',
      timeout: RUN_TIMEOUT_MS,
    })
    if (result.error || result.status !== 0) {
      const traceback = result.stderr.trim().split('\n')
      const lineMatch = /line (\d+)/.exec(
        traceback.findLast((line) => /File "<stdin>", line \d+/.test(line)) ?? '',
      )
      failures.push({
        file: sample.file,
        line: sample.line + (lineMatch ? Number(lineMatch[1]) : 0),
        message: `python3 failed: ${result.error?.message ?? traceback.at(-1) ?? `exit status ${result.status}`}`,
      })
      continue
    }
    const difference = compareOutput(sample, result.stdout)
    if (difference)
      failures.push({ file: sample.file, line: sample.line, message: `python3: ${difference}` })
  }
  return { checked: runnable.length, ran: runnable.length, failures }
}

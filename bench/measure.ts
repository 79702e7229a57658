import { execFile, execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import { promisify } from 'node:util'
import zlib from 'node:zlib'
import type { Browser } from 'playwright-core'
import { CHROME_FLAGS, findChrome, NO_CHROME_MESSAGE } from '../lib/chromium.ts'
import { SIMULATION_MARKS } from '../lib/sim/code-marks.ts'

/** The measurements behind `npm run bench`: page weight in Chromium, Lighthouse, cold builds. */

export interface Weight {
  html: number
  css: number
  js: number
  font: number
  other: number
  /** Bytes (gzip) of scripts that only a page with a browser-drawn diagram should load. */
  mermaid: number
  /** Bytes (gzip) of KaTeX's JavaScript (the site renders math at build time: always 0). */
  katex: number
  scripts: string[]
}

const execFileAsync = promisify(execFile)
const gz = (body: Buffer) => zlib.gzipSync(body, { level: 9 }).length

function chromePath(): string {
  const found = findChrome()
  if (!found) throw new Error(NO_CHROME_MESSAGE)
  return found
}

/**
 * Loads a page in Chromium and adds up what it transferred, each response body gzip -9'd as
 * a static host would serve it. With `scroll`, the page is scrolled to the end first, so
 * lazily loaded diagrams are counted too.
 */
export async function measurePage(
  browser: Browser,
  url: string,
  options: { scroll: boolean; mermaidScripts?: Set<string> },
): Promise<Weight> {
  const context = await browser.newContext({ viewport: { width: 1280, height: 900 } })
  const page = await context.newPage()
  const weight: Weight = {
    html: 0,
    css: 0,
    js: 0,
    font: 0,
    other: 0,
    mermaid: 0,
    katex: 0,
    scripts: [],
  }
  const pending: Promise<void>[] = []
  page.on('response', (response) => {
    pending.push(
      (async () => {
        const body = await response.body().catch(() => undefined)
        if (!body) return
        const size = gz(body)
        const type = response.request().resourceType()
        if (type === 'document') weight.html += size
        else if (type === 'stylesheet') weight.css += size
        else if (type === 'script') {
          weight.js += size
          weight.scripts.push(response.url())
          if (options.mermaidScripts?.has(response.url())) weight.mermaid += size
          if (body.includes('KaTeX parse error')) weight.katex += size
        } else if (type === 'font') weight.font += size
        else weight.other += size
      })(),
    )
  })
  await page.goto(url, { waitUntil: 'networkidle' })
  if (options.scroll) {
    await page.evaluate(async () => {
      for (let y = 0; y < document.documentElement.scrollHeight; y += 600) {
        window.scrollTo(0, y)
        await new Promise((resolve) => setTimeout(resolve, 50))
      }
    })
    await page.waitForLoadState('networkidle')
    await page.waitForTimeout(500)
  }
  await Promise.all(pending)
  await context.close()
  return weight
}

/**
 * The simulations' code, on a page that has every simulation, scrolled through: each one's own
 * code (the scripts carrying its mark) and the shell they share (the other scripts that pages
 * without a simulation do not load); and the simulation bytes among `otherScripts`, the scripts
 * of pages without a simulation, which must be 0.
 */
export async function measureSimulations(
  browser: Browser,
  url: string,
  otherScripts: readonly string[],
): Promise<{ ownCode: Record<string, number>; shell: number; bytesOnOtherPages: number }> {
  const page = await measurePage(browser, url, { scroll: true })
  const elsewhere = new Set(otherScripts)
  const marks = Object.entries(SIMULATION_MARKS)
  const ownCode: Record<string, number> = Object.fromEntries(marks.map(([kind]) => [kind, 0]))
  let shell = 0
  for (const script of new Set(page.scripts)) {
    const code = await scriptBody(script)
    const owners = marks.filter(([, mark]) => code.includes(mark))
    for (const [kind] of owners) ownCode[kind]! += gz(code)
    if (owners.length === 0 && !elsewhere.has(script)) shell += gz(code)
  }
  return { ownCode, shell, bytesOnOtherPages: await simulationCodeBytes(otherScripts) }
}

const scriptBody = async (script: string) => Buffer.from(await (await fetch(script)).arrayBuffer())

/** Bytes (gzip) of the scripts among these that are a simulation's own code. */
export async function simulationCodeBytes(scripts: readonly string[]): Promise<number> {
  let bytes = 0
  for (const script of new Set(scripts)) {
    const code = await scriptBody(script)
    if (Object.values(SIMULATION_MARKS).some((mark) => code.includes(mark))) bytes += gz(code)
  }
  return bytes
}

export interface LighthouseResult {
  performance: number
  accessibility: number
  bestPractices: number
  seo: number
  lcpMs: number
  tbtMs: number
  cls: number
  totalBytes: number
}

const median = (values: number[]) =>
  [...values].sort((a, b) => a - b)[Math.floor(values.length / 2)]!

/**
 * Lighthouse (mobile, default config) on one URL, `runs` times; the median of each figure.
 * Runs Lighthouse as a child process asynchronously: the static server it measures lives in
 * this process and must keep answering.
 */
export async function lighthouse(url: string, runs: number): Promise<LighthouseResult> {
  const results: LighthouseResult[] = []
  for (let run = 0; run < runs; run++) {
    const profile = fs.mkdtempSync(path.join(os.tmpdir(), 'lh-profile-'))
    const output = path.join(profile, 'report.json')
    try {
      await execFileAsync(
        process.execPath,
        [
          path.join('node_modules', 'lighthouse', 'cli', 'index.js'),
          url,
          '--quiet',
          '--output=json',
          `--output-path=${output}`,
          `--chrome-flags=${['--headless=new', ...CHROME_FLAGS, `--user-data-dir=${profile}`].join(' ')}`,
        ],
        { env: { ...process.env, CHROME_PATH: chromePath() }, maxBuffer: 64 * 1024 * 1024 },
      )
    } catch (error) {
      throw new Error(`lighthouse failed: ${(error as { stderr?: string }).stderr ?? error}`)
    }
    const report = JSON.parse(fs.readFileSync(output, 'utf8')) as {
      categories: Record<string, { score: number }>
      audits: Record<string, { numericValue: number }>
    }
    results.push({
      performance: Math.round(report.categories.performance!.score * 100),
      accessibility: Math.round(report.categories.accessibility!.score * 100),
      bestPractices: Math.round(report.categories['best-practices']!.score * 100),
      seo: Math.round(report.categories.seo!.score * 100),
      lcpMs: report.audits['largest-contentful-paint']!.numericValue,
      tbtMs: report.audits['total-blocking-time']!.numericValue,
      cls: report.audits['cumulative-layout-shift']!.numericValue,
      totalBytes: report.audits['total-byte-weight']!.numericValue,
    })
    fs.rmSync(profile, { recursive: true, force: true })
  }
  const keys = Object.keys(results[0]!) as (keyof LighthouseResult)[]
  return Object.fromEntries(
    keys.map((key) => [key, median(results.map((result) => result[key]))]),
  ) as unknown as LighthouseResult
}

export interface BuildResult {
  lectures: number
  seconds: number
  peakMemoryMb: number
}

/**
 * A cold `npm run build` (content check, next build, search index) in `projectDir`, timed by
 * GNU time: wall seconds and the peak resident memory of the largest process.
 */
export function coldBuild(projectDir: string, lectures: number): BuildResult {
  fs.rmSync(path.join(projectDir, '.next'), { recursive: true, force: true })
  fs.rmSync(path.join(projectDir, 'out'), { recursive: true, force: true })
  fs.rmSync(path.join(projectDir, 'node_modules', '.cache', 'course-site'), {
    recursive: true,
    force: true,
  })
  const timing = path.join(os.tmpdir(), `build-time-${process.pid}-${lectures}.txt`)
  execFileSync('/usr/bin/time', ['-f', '%e %M', '-o', timing, 'npm', 'run', 'build'], {
    cwd: projectDir,
    stdio: ['ignore', 'ignore', 'inherit'],
    env: { ...process.env, BASE_PATH: '', NEXT_TELEMETRY_DISABLED: '1' },
  })
  const [seconds, kilobytes] = fs
    .readFileSync(timing, 'utf8')
    .trim()
    .split('\n')
    .at(-1)!
    .split(' ')
    .map(Number)
  return { lectures, seconds: seconds!, peakMemoryMb: Math.round(kilobytes! / 1024) }
}

/**
 * A copy of the project with generated content, for build measurements: the sources are
 * copied, node_modules hard-linked where the file system allows, else copied (Turbopack
 * refuses a symlinked node_modules).
 */
export function projectCopy(root: string, target: string): void {
  fs.rmSync(target, { recursive: true, force: true })
  fs.mkdirSync(target, { recursive: true })
  for (const entry of fs.readdirSync(root)) {
    if (['node_modules', '.next', 'out', '.git', 'content', 'test-results'].includes(entry))
      continue
    fs.cpSync(path.join(root, entry), path.join(target, entry), { recursive: true })
  }
  const modules = [path.join(root, 'node_modules'), path.join(target, 'node_modules')]
  try {
    execFileSync('cp', ['-al', ...modules], { stdio: 'ignore' })
  } catch {
    fs.rmSync(modules[1]!, { recursive: true, force: true })
    execFileSync('cp', ['-a', ...modules])
  }
}

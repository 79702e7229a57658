/**
 * `npm run bench`: measures the site against the budgets in bench/budgets.json and prints one
 * table; writes bench/results.json.
 *
 *   npm run bench                      build scale, page weight and Lighthouse
 *   npm run bench -- --only=weight     page weight only (uses out/, building it if missing)
 *   npm run bench -- --check           exit 1 when a measured figure exceeds its budget
 *
 * Build scale: cold builds of the real content and of generated courses of 100 and 500
 * lectures (bench/gen-course.ts), so the cost per extra lecture is visible. Page weight:
 * HTML, CSS and JS each page type transfers in Chromium, gzip -9. Lighthouse: mobile, a lecture
 * page served gzip-compressed as a static host would, median of three runs.
 */
import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'
import zlib from 'node:zlib'
import { launchChromium } from '../lib/chromium.ts'
import { getSite } from '../lib/content/index.ts'
import { exportedBasePath, OUT_DIR } from '../lib/export-info.ts'
import { startStaticServer } from '../lib/static-server.ts'
import { generateCourse } from './gen-course.ts'
import {
  coldBuild,
  lighthouse,
  simulationCodeBytes,
  measurePage,
  measureSimulations,
  projectCopy,
  type BuildResult,
  type LighthouseResult,
  type Weight,
} from './measure.ts'

interface Budgets {
  weightKb: Record<string, { html?: number; css?: number; js?: number }>
  mermaidOrKatexBytesWithoutDiagram: number
  /** Each simulation's own code (gzip), loaded only near it, and what pages without one load. */
  simulations: { ownCodeKb: number; bytesWithoutSimulation: number }
  /** A bound for each Lighthouse figure but the page's total weight. */
  lighthouse: Omit<LighthouseResult, 'totalBytes'>
  build: { marginalSecondsPerLecture: number; peakMemoryMbAt500: number }
  serviceWorkerJsKb: number
}

const root = path.resolve(import.meta.dirname, '..')
const budgets = JSON.parse(
  fs.readFileSync(path.join(root, 'bench', 'budgets.json'), 'utf8'),
) as Budgets
const args = process.argv.slice(2)
const only = args.find((arg) => arg.startsWith('--only='))?.slice('--only='.length)
const check = args.includes('--check')
const parts = only ? only.split(',') : ['build', 'weight', 'lighthouse']

interface Row {
  what: string
  value: string
  budget: string
  ok: boolean | undefined
}
const rows: Row[] = []
const results: Record<string, unknown> = { date: new Date().toISOString(), node: process.version }
const kb = (bytes: number) => Math.round((bytes / 1024) * 10) / 10
const row = (
  what: string,
  value: number,
  unit: string,
  budget?: number,
  direction: 'max' | 'min' = 'max',
) =>
  rows.push({
    what,
    value: `${value}${unit}`,
    budget: budget === undefined ? '' : `${direction === 'max' ? '≤' : '≥'} ${budget}${unit}`,
    ok: budget === undefined ? undefined : direction === 'max' ? value <= budget : value >= budget,
  })

if (parts.includes('build')) {
  // Outside the repository: nested in it (bench/work), the 500-lecture build measured 1.3 GB
  // more memory and 20 s more compile time than the same copy on its own, as no real site is.
  const work = fs.mkdtempSync(path.join(os.tmpdir(), 'course-site-bench-'))
  const builds: BuildResult[] = []
  const real = getSite({ includeDrafts: false }).courses.reduce(
    (sum, course) => sum + course.lectures.length,
    0,
  )
  const copy = path.join(work, 'site')
  projectCopy(root, copy)
  fs.cpSync(path.join(root, 'content'), path.join(copy, 'content'), { recursive: true })
  console.error(`building the real content (${real} lectures)…`)
  builds.push({ ...coldBuild(copy, real), lectures: real })
  for (const lectures of [100, 500]) {
    generateCourse(path.join(copy, 'content'), lectures, 1)
    console.error(`building ${lectures} generated lectures…`)
    builds.push(coldBuild(copy, lectures))
  }
  fs.rmSync(work, { recursive: true, force: true })
  const [, hundred, fiveHundred] = builds
  const marginal = Math.round(((fiveHundred!.seconds - hundred!.seconds) / 400) * 1000) / 1000
  for (const build of builds) {
    row(`build: ${build.lectures} lectures, wall time`, build.seconds, ' s')
    row(
      `build: ${build.lectures} lectures, peak memory`,
      build.peakMemoryMb,
      ' MB',
      build.lectures === 500 ? budgets.build.peakMemoryMbAt500 : undefined,
    )
  }
  row(
    'build: marginal cost per lecture (100 → 500)',
    marginal,
    ' s',
    budgets.build.marginalSecondsPerLecture,
  )
  results.build = { builds, marginalSecondsPerLecture: marginal }
}

if (parts.includes('weight') || parts.includes('lighthouse')) {
  if (!fs.existsSync(path.join(OUT_DIR, 'index.html')))
    execFileSync('npm', ['run', 'build'], { cwd: root, stdio: 'inherit' })
  const basePath = exportedBasePath()
  const site = getSite({ includeDrafts: false })
  const lectures = site.courses.flatMap((course) => course.lectures)
  const withoutDiagrams = lectures.find((lecture) => !lecture.hasMermaid)
  const withDiagrams =
    lectures.find((lecture) => lecture.hasMermaid && lecture.course !== 'handbook') ?? lectures[0]!
  const clientDiagrams = lectures.find(
    (lecture) => lecture.course === 'handbook' && lecture.slug === 'diagrams',
  )
  const simulationsPage = lectures.find(
    (lecture) => lecture.course === 'handbook' && lecture.slug === 'simulations',
  )

  if (parts.includes('weight')) {
    const server = await startStaticServer({ root: OUT_DIR, basePath })
    const browser = await launchChromium()
    try {
      // Scripts that only load when a browser-drawn diagram comes into view: mermaid's.
      const mermaidScripts = new Set<string>()
      if (clientDiagrams) {
        const before = await measurePage(browser, `${server.url}${clientDiagrams.path}`, {
          scroll: false,
        })
        const after = await measurePage(browser, `${server.url}${clientDiagrams.path}`, {
          scroll: true,
        })
        for (const script of after.scripts)
          if (!before.scripts.includes(script)) mermaidScripts.add(script)
      }
      const pages: { key: string; label: string; path: string; scroll: boolean }[] = [
        { key: 'catalog', label: 'catalog', path: '/', scroll: false },
        { key: 'courseHome', label: 'course home', path: site.courses[0]!.path, scroll: false },
        ...(withoutDiagrams
          ? [
              {
                key: 'lectureNoDiagram',
                label: `lecture without diagrams (${withoutDiagrams.course}/${withoutDiagrams.slug})`,
                path: withoutDiagrams.path,
                scroll: true,
              },
            ]
          : []),
        {
          key: 'lectureWithDiagrams',
          label: `lecture with diagrams, on load (${withDiagrams.course}/${withDiagrams.slug})`,
          path: withDiagrams.path,
          scroll: false,
        },
        {
          key: 'lectureWithDiagramsScrolled',
          label: 'same, after scrolling through',
          path: withDiagrams.path,
          scroll: true,
        },
        ...(clientDiagrams
          ? [
              {
                key: 'clientDiagrams',
                label: 'page with browser-drawn diagrams, on load',
                path: clientDiagrams.path,
                scroll: false,
              },
              {
                key: 'clientDiagramsScrolled',
                label: 'same, after they load',
                path: clientDiagrams.path,
                scroll: true,
              },
            ]
          : []),
      ]
      const weights: Record<string, Weight> = {}
      /** Scripts of the pages above that have no simulation: none may be a simulation's. */
      const scriptsWithoutSimulation: string[] = []
      for (const page of pages) {
        const url = `${server.url}${page.path}`
        const weight = await measurePage(browser, url, { scroll: page.scroll, mermaidScripts })
        weights[page.key] = weight
        if (!(await (await fetch(url)).text()).includes('data-sim='))
          scriptsWithoutSimulation.push(...weight.scripts)
        const budget = budgets.weightKb[page.key] ?? {}
        row(`${page.label}: HTML (gz)`, kb(weight.html), ' KB', budget.html)
        row(`${page.label}: CSS (gz)`, kb(weight.css), ' KB', budget.css)
        // A simulation the reader scrolls to loads its own code, budgeted on its own below; the
        // page's budget is for everything else.
        const simulation = page.scroll ? await simulationCodeBytes(weight.scripts) : 0
        if (simulation > 0) {
          row(`${page.label}: JS (gz), all`, kb(weight.js), ' KB')
          row(
            `${page.label}: JS (gz), without simulation code`,
            kb(weight.js - simulation),
            ' KB',
            budget.js,
          )
        } else row(`${page.label}: JS (gz)`, kb(weight.js), ' KB', budget.js)
        const diagramFree = page.key !== 'clientDiagramsScrolled'
        if (diagramFree)
          row(
            `${page.label}: mermaid + KaTeX JS`,
            weight.mermaid + weight.katex,
            ' B',
            budgets.mermaidOrKatexBytesWithoutDiagram,
          )
      }
      if (simulationsPage) {
        const simulations = await measureSimulations(
          browser,
          `${server.url}${simulationsPage.path}`,
          scriptsWithoutSimulation,
        )
        for (const [kind, bytes] of Object.entries(simulations.ownCode))
          row(`simulation ${kind}: own code (gz)`, kb(bytes), ' KB', budgets.simulations.ownCodeKb)
        row('simulations: shared shell code (gz)', kb(simulations.shell), ' KB')
        row(
          'pages above without a simulation: simulation JS',
          simulations.bytesOnOtherPages,
          ' B',
          budgets.simulations.bytesWithoutSimulation,
        )
        results.simulations = simulations
      }
      // The worker registers after the load event and is fetched then: no blocking time, but
      // bytes a first visit downloads.
      const worker = kb(
        zlib.gzipSync(fs.readFileSync(path.join(OUT_DIR, 'sw.js')), { level: 9 }).length,
      )
      row(
        'service worker script, fetched after load (gz)',
        worker,
        ' KB',
        budgets.serviceWorkerJsKb,
      )
      results.weight = Object.fromEntries(
        Object.entries(weights).map(([key, weight]) => [
          key,
          { ...weight, scripts: weight.scripts.length },
        ]),
      )
    } finally {
      await browser.close()
      await server.close()
    }
  }

  if (parts.includes('lighthouse')) {
    const server = await startStaticServer({ root: OUT_DIR, basePath, gzip: true })
    try {
      const result: LighthouseResult = await lighthouse(`${server.url}${withDiagrams.path}`, 3)
      const lh = budgets.lighthouse
      row('Lighthouse mobile: performance', result.performance, '', lh.performance, 'min')
      row('Lighthouse mobile: accessibility', result.accessibility, '', lh.accessibility, 'min')
      row('Lighthouse mobile: best practices', result.bestPractices, '', lh.bestPractices, 'min')
      row('Lighthouse mobile: SEO', result.seo, '', lh.seo, 'min')
      row('Lighthouse mobile: LCP', Math.round(result.lcpMs), ' ms', lh.lcpMs)
      row('Lighthouse mobile: TBT', Math.round(result.tbtMs), ' ms', lh.tbtMs)
      row('Lighthouse mobile: CLS', Math.round(result.cls * 1000) / 1000, '', lh.cls)
      row('Lighthouse mobile: total byte weight', kb(result.totalBytes), ' KB')
      results.lighthouse = result
    } finally {
      await server.close()
    }
  }
}

const width = Math.max(...rows.map((entry) => entry.what.length))
console.log(`\n${'measure'.padEnd(width)}  ${'value'.padStart(10)}  ${'budget'.padEnd(12)}  status`)
for (const entry of rows) {
  const status = entry.ok === undefined ? '' : entry.ok ? '✓' : '✗ OVER BUDGET'
  console.log(
    `${entry.what.padEnd(width)}  ${entry.value.padStart(10)}  ${entry.budget.padEnd(12)}  ${status}`,
  )
}
fs.writeFileSync(
  path.join(root, 'bench', 'results.json'),
  `${JSON.stringify({ ...results, rows }, null, 2)}\n`,
)
const over = rows.filter((entry) => entry.ok === false)
if (check && over.length > 0) {
  console.error(`\n${over.length} figure(s) over budget.`)
  process.exit(1)
}

import { execFileSync } from 'node:child_process'
import fs from 'node:fs'
import type { TestProject } from 'vitest/node'
import { exportedBasePath, OUT_DIR } from '../../lib/export-info.ts'
import { startStaticServer, type RunningServer } from '../../lib/static-server.ts'

declare module 'vitest' {
  export interface ProvidedContext {
    siteUrl: string
    outDir: string
  }
}

let server: RunningServer | undefined

/** The browser tests run against a build under this base path, as a GitHub Pages project site. */
export const TEST_BASE_PATH = '/course-site'

/**
 * Builds the real site once (`npm run build`: content check, next build, search index) under
 * a base path, so every test also proves that links and assets carry the prefix, and serves
 * out/ as a static host would. `SKIP_BUILD=1` reuses an existing out/ while iterating.
 */
export async function setup(project: TestProject) {
  if (process.env.SKIP_BUILD !== '1' || !fs.existsSync(OUT_DIR)) {
    const env = { ...process.env, BASE_PATH: TEST_BASE_PATH }
    execFileSync('npm', ['run', 'build'], { stdio: 'inherit', env })
  }
  server = await startStaticServer({ root: OUT_DIR, basePath: exportedBasePath(), gzip: true })
  project.provide('siteUrl', server.url)
  project.provide('outDir', OUT_DIR)
}

export async function teardown() {
  await server?.close()
}

import fs from 'node:fs'
import path from 'node:path'
import { assetsOf, courseFiles, exportVersion, fileUrl, offlineList } from './offline-files.ts'

/** The offline page, the folder of the courses' offline lists, and the worker, in the export. */
export const OFFLINE_PAGE = 'offline/index.html'
export const SERVICE_WORKER = 'sw.js'
const ownOutput = (file: string) =>
  file === SERVICE_WORKER || (file.startsWith('offline/') && file.endsWith('.json'))

/**
 * Writes out/offline/<course>.json (what saving a course fetches, with sizes) and out/sw.js
 * (lib/pwa/service-worker.js with its configuration). The last postbuild step: the version is a
 * hash of every other file of the export as it ships. Returns the version.
 */
export function writeOfflineSupport(outDir: string, basePath: string, courses: string[]): string {
  if (!fs.existsSync(path.join(outDir, OFFLINE_PAGE)))
    throw new Error(
      `${path.join(outDir, OFFLINE_PAGE)} is missing: the offline page (app/(site)/offline/) was not exported.`,
    )
  const version = exportVersion(outDir, ownOutput)
  for (const course of courses) {
    const list = offlineList(outDir, basePath, version, courseFiles(outDir, course))
    fs.writeFileSync(path.join(outDir, 'offline', `${course}.json`), JSON.stringify(list))
  }
  const shell = [OFFLINE_PAGE, ...assetsOf(outDir, [OFFLINE_PAGE]), 'manifest.webmanifest']
  const config = {
    version,
    basePath,
    offlinePage: fileUrl(basePath, OFFLINE_PAGE),
    shell: shell.map((file) => fileUrl(basePath, file)),
  }
  const source = fs.readFileSync(path.join(import.meta.dirname, 'service-worker.js'), 'utf8')
  fs.writeFileSync(
    path.join(outDir, SERVICE_WORKER),
    `self.SW_CONFIG = ${JSON.stringify(config)}\n${source}`,
  )
  return version
}

import fs from 'node:fs'
import path from 'node:path'

/** The folder `next build` exports to. */
export const OUT_DIR = path.resolve('out')

/**
 * The base path an export was built with, read from its own catalog page (asset URLs carry it),
 * so a preview serves the site where its links expect to be.
 */
export function exportedBasePath(outDir: string = OUT_DIR): string {
  const index = path.join(outDir, 'index.html')
  if (!fs.existsSync(index))
    throw new Error(`${index} does not exist: run \`npm run build\` first.`)
  const match = /(?:src|href)="([^"]*?)\/_next\/static\//.exec(fs.readFileSync(index, 'utf8'))
  return match?.[1] ?? ''
}

/** Every HTML file of an export, as absolute paths. */
export function exportedHtmlFiles(outDir: string = OUT_DIR): string[] {
  return fs
    .readdirSync(outDir, { recursive: true, encoding: 'utf8' })
    .filter((name) => name.endsWith('.html'))
    .map((name) => path.join(outDir, name))
}

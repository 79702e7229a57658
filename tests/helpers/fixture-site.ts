import fs from 'node:fs'
import os from 'node:os'
import path from 'node:path'

export const FIXTURE_CONTENT = path.resolve(import.meta.dirname, '..', 'fixtures', 'content')
export const BROKEN = path.resolve(import.meta.dirname, '..', 'fixtures', 'broken')

/** A private copy of the fixture site, so a test can break it without touching the others. */
export function copyFixtureSite(): string {
  const dir = fs.mkdtempSync(path.join(os.tmpdir(), 'fixture-site-'))
  fs.cpSync(FIXTURE_CONTENT, dir, { recursive: true })
  return dir
}

/** Puts a broken fixture file at `target` (relative to the copied content folder). */
export function placeBroken(contentDir: string, brokenName: string, target: string): string {
  const destination = path.join(contentDir, target)
  fs.copyFileSync(path.join(BROKEN, brokenName), destination)
  return destination
}

/** The repository: a fixture project lives inside it, so node_modules and Turbopack's root are its. */
export const REPOSITORY = path.resolve(import.meta.dirname, '..', '..')

/** The site's code a project needs to run `next dev` or `next build`. */
const PROJECT_FILES = [
  'app',
  'components',
  'lib',
  'public',
  'mdx-components.tsx',
  'next.config.ts',
  'postcss.config.mjs',
  'tsconfig.json',
  'package.json',
]

/**
 * A project at `<repository>/<folder>/site-…` whose content is the fixture site: the site's code
 * copied, so a test can build it or run its dev server without touching the real one's `.next`.
 */
export function copyFixtureProject(folder: string): string {
  fs.mkdirSync(path.join(REPOSITORY, folder), { recursive: true })
  const project = fs.mkdtempSync(path.join(REPOSITORY, folder, 'site-'))
  for (const name of PROJECT_FILES)
    fs.cpSync(path.join(REPOSITORY, name), path.join(project, name), { recursive: true })
  fs.cpSync(FIXTURE_CONTENT, path.join(project, 'content'), { recursive: true })
  return project
}

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

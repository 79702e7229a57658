import { createHash } from 'node:crypto'
import fs from 'node:fs'
import path from 'node:path'
import { contentDir } from './site-config.ts'

/** What a build's output depends on, relative to the project root. */
const INPUTS = [
  'app',
  'components',
  'lib',
  'mdx-components.tsx',
  'next.config.ts',
  'package-lock.json',
  'postcss.config.mjs',
  'public',
  'tsconfig.json',
]

/** Every file under a file or folder, as [name for the hash, absolute path]. */
function filesUnder(full: string, name: string): [string, string][] {
  if (!fs.existsSync(full)) return []
  if (fs.statSync(full).isFile()) return [[name, full]]
  return fs
    .readdirSync(full, { recursive: true, withFileTypes: true })
    .filter((dirent) => dirent.isFile())
    .map((dirent) => path.join(dirent.parentPath, dirent.name))
    .map((file) => [path.join(name, path.relative(full, file)).split(path.sep).join('/'), file])
}

/**
 * Next.js names each build with a random ID and writes it into every page, so two builds of
 * one commit differed in every HTML file. This ID is a hash of the build's inputs (sources,
 * content, locked dependencies, and the settings read from the environment): the same inputs
 * give the same export, and any change to them gives a new ID, so `_next/static/<id>/` never
 * serves a stale manifest under an immutable cache header.
 */
export function inputsBuildId(
  root: string = process.cwd(),
  content: string = contentDir,
  env: NodeJS.ProcessEnv = process.env,
): string {
  const hash = createHash('sha256')
  hash.update(JSON.stringify([env.BASE_PATH ?? '', env.SITE_URL ?? '']))
  const files = [
    ...INPUTS.flatMap((entry) => filesUnder(path.join(root, entry), entry)),
    ...filesUnder(content, 'content'),
  ].sort(([a], [b]) => (a < b ? -1 : 1))
  for (const [name, file] of files) {
    hash.update(`\0${name}\0`)
    hash.update(fs.readFileSync(file))
  }
  return hash.digest('base64url').slice(0, 21)
}

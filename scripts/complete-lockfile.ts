/**
 * Puts back into package-lock.json the platform-specific optional packages (macOS, Windows,
 * FreeBSD… builds of Next's SWC, Tailwind's oxide, pagefind, the resolver) that `npm install`
 * leaves out when its registry does not serve them, as a mirror limited to one platform does.
 * Without them `npm ci` refuses the lock as out of sync with package.json, here and on every
 * other platform. Run `npm run lock:complete` after any `npm install` that changed the lock.
 *
 * Each entry gets the version its parent asks for and the os/cpu/libc its name spells, so npm
 * skips it on other platforms without fetching it and installs it by name on its own.
 */
import fs from 'node:fs'
import path from 'node:path'

interface LockEntry {
  version?: string
  dev?: boolean
  optional?: boolean
  cpu?: string[]
  os?: string[]
  libc?: string[]
  optionalDependencies?: Record<string, string>
  [field: string]: unknown
}

const OS_BY_NAME_PART: [RegExp, string][] = [
  [/android/, 'android'],
  [/darwin/, 'darwin'],
  [/freebsd/, 'freebsd'],
  [/openharmony/, 'openharmony'],
  [/win32|windows/, 'win32'],
  [/linux/, 'linux'],
]
const CPU_PATTERN = /-(arm64|x64|ia32|loong64|ppc64|riscv64|s390x|wasm32|arm)(?=-|$)/

function platformOf(name: string): Pick<LockEntry, 'cpu' | 'os' | 'libc'> {
  const cpu = CPU_PATTERN.exec(name)?.[1]
  if (!cpu) throw new Error(`${name}: the package name does not say which CPU it is built for`)
  const os = OS_BY_NAME_PART.find(([pattern]) => pattern.test(name))?.[1]
  const libc =
    os === 'linux'
      ? /-gnu/.test(name)
        ? 'glibc'
        : /-musl/.test(name)
          ? 'musl'
          : undefined
      : undefined
  return { cpu: [cpu], ...(os ? { os: [os] } : {}), ...(libc ? { libc: [libc] } : {}) }
}

/** Adds the missing entries in place; returns the paths it added. */
function completeLock(packages: Record<string, LockEntry>): string[] {
  const added: string[] = []
  for (const parent of Object.values(packages)) {
    for (const [name, version] of Object.entries(parent.optionalDependencies ?? {})) {
      const key = `node_modules/${name}`
      if (packages[key]) continue
      const { cpu, os, libc } = platformOf(name)
      // Fields in the order npm writes them.
      packages[key] = {
        version,
        cpu,
        ...(parent.dev ? { dev: true } : {}),
        ...(libc ? { libc } : {}),
        optional: true,
        ...(os ? { os } : {}),
      }
      added.push(key)
    }
  }
  return added
}

function sortedByPath(packages: Record<string, LockEntry>): Record<string, LockEntry> {
  // The order npm itself writes, so the lock's diff shows only the added entries.
  const keys = Object.keys(packages).sort((a, b) => a.localeCompare(b, 'en'))
  return Object.fromEntries(keys.map((key) => [key, packages[key]!]))
}

{
  const file = path.join(process.cwd(), 'package-lock.json')
  const lock = JSON.parse(fs.readFileSync(file, 'utf8')) as { packages: Record<string, LockEntry> }
  const added = completeLock(lock.packages)
  lock.packages = sortedByPath(lock.packages)
  fs.writeFileSync(file, `${JSON.stringify(lock, null, 2)}\n`)
  console.log(
    added.length
      ? `✓ package-lock.json: added ${added.length} platform packages (${added.join(', ')})`
      : '✓ package-lock.json already lists every platform package',
  )
}

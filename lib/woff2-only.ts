import fs from 'node:fs'
import path from 'node:path'

/**
 * KaTeX's stylesheet offers each font as WOFF2, WOFF and TrueType. Every browser that runs the
 * site reads WOFF2 and never fetches the others, so after the build each `@font-face` keeps only
 * its WOFF2 source, and the fonts no stylesheet points at any more leave the export (40 files).
 * Idempotent; returns the files removed.
 */
export function keepOnlyWoff2(outDir: string): string[] {
  const chunks = path.join(outDir, '_next', 'static', 'chunks')
  const media = path.join(outDir, '_next', 'static', 'media')
  const stylesheets = fs.readdirSync(chunks).filter((name) => name.endsWith('.css'))
  const css = stylesheets.map((name) => {
    const file = path.join(chunks, name)
    const trimmed = fs
      .readFileSync(file, 'utf8')
      .replace(/@font-face\{[^}]*\}/g, (rule) =>
        rule.includes('format("woff2")')
          ? rule.replace(/,url\([^)]+\)format\("(?:woff|truetype)"\)/g, '')
          : rule,
      )
    fs.writeFileSync(file, trimmed)
    return trimmed
  })
  const removed: string[] = []
  if (!fs.existsSync(media)) return removed
  for (const name of fs.readdirSync(media)) {
    if (!/\.(?:woff|ttf)$/.test(name) || css.some((text) => text.includes(name))) continue
    fs.rmSync(path.join(media, name))
    removed.push(name)
  }
  return removed
}

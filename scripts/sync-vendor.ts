/**
 * Copies KaTeX's stylesheet and fonts into public/vendor/ (run by `npm run build` and
 * `npm run dev`), so pages with math load them from the site itself, and only those pages.
 * Only the woff2 fonts are kept: every browser the site supports reads them.
 */
import fs from 'node:fs'
import { createRequire } from 'node:module'
import path from 'node:path'
import { KATEX_DIR } from '../lib/vendor-assets.ts'

const require = createRequire(import.meta.url)
const dist = path.join(path.dirname(require.resolve('katex/package.json')), 'dist')
const target = path.join(process.cwd(), 'public', KATEX_DIR)

fs.rmSync(path.join(process.cwd(), 'public', 'vendor'), { recursive: true, force: true })
fs.mkdirSync(path.join(target, 'fonts'), { recursive: true })
const css = fs
  .readFileSync(path.join(dist, 'katex.min.css'), 'utf8')
  .replace(/,url\(fonts\/[^)]+\.woff\) format\("woff"\)/g, '')
  .replace(/,url\(fonts\/[^)]+\.ttf\) format\("truetype"\)/g, '')
fs.writeFileSync(path.join(target, 'katex.min.css'), css)
for (const font of fs
  .readdirSync(path.join(dist, 'fonts'))
  .filter((name) => name.endsWith('.woff2'))) {
  fs.copyFileSync(path.join(dist, 'fonts', font), path.join(target, 'fonts', font))
}
console.log(`✓ KaTeX stylesheet and fonts in public${KATEX_DIR}/`)

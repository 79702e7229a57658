/**
 * Writes files derived from the code: the code-token stylesheet. `npm run generate` runs it;
 * a unit test fails when the committed file is out of date (e.g. after a shiki upgrade).
 */
import fs from 'node:fs'
import path from 'node:path'
import { codeThemeCss } from '../lib/mdx/code-theme.ts'

export const CODE_THEME_FILE = path.join(import.meta.dirname, '..', 'app', 'code-theme.css')

if (import.meta.main) {
  fs.writeFileSync(CODE_THEME_FILE, codeThemeCss())
  console.log(`wrote ${path.relative(process.cwd(), CODE_THEME_FILE)}`)
}

import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import { CODE_BACKGROUND, CODE_PALETTES, accessibleColor, codeThemeCss, contrastRatio } from '@/lib/mdx/code-theme.ts'
import { CODE_THEME_FILE } from '@/scripts/generate.ts'

describe('code colours', () => {
  it('app/code-theme.css is up to date (run `npm run generate` after a shiki upgrade)', () => {
    expect(fs.readFileSync(CODE_THEME_FILE, 'utf8')).toBe(codeThemeCss())
  })

  it('every token colour meets WCAG AA on the code background in both themes', () => {
    for (const mode of ['light', 'dark'] as const) {
      for (const color of CODE_PALETTES[mode]) {
        expect(contrastRatio(accessibleColor(color, CODE_BACKGROUND[mode], mode), CODE_BACKGROUND[mode])).toBeGreaterThanOrEqual(4.5)
      }
    }
  })
})

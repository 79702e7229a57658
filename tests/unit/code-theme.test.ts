import fs from 'node:fs'
import { describe, expect, it } from 'vitest'
import {
  CODE_BACKGROUND,
  CODE_PALETTES,
  HIGHLIGHT_BACKGROUND,
  accessibleColor,
  codeThemeCss,
  contrastRatio,
} from '@/lib/mdx/code-theme.ts'
import { CODE_THEME_FILE } from '@/scripts/generate.ts'

describe('code colours', () => {
  it('app/code-theme.css is up to date (run `npm run generate` after a shiki upgrade)', () => {
    expect(fs.readFileSync(CODE_THEME_FILE, 'utf8')).toBe(codeThemeCss())
  })

  it('every token colour meets WCAG AA on code and highlighted lines in both themes', () => {
    for (const mode of ['light', 'dark'] as const) {
      const backgrounds = [CODE_BACKGROUND[mode], HIGHLIGHT_BACKGROUND[mode]]
      for (const color of CODE_PALETTES[mode]) {
        const adjusted = accessibleColor(color, backgrounds, mode)
        for (const background of backgrounds)
          expect(contrastRatio(adjusted, background)).toBeGreaterThanOrEqual(4.5)
      }
    }
  })

  it('uses the same backgrounds as the stylesheet', () => {
    const css = fs.readFileSync('app/globals.css', 'utf8')
    for (const color of [...Object.values(CODE_BACKGROUND), ...Object.values(HIGHLIGHT_BACKGROUND)])
      expect(css).toContain(color)
  })
})

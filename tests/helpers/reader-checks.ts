import type { Page } from 'playwright-core'

/**
 * Checks of what a person sees, not of what the markup contains: how small a diagram's text is
 * drawn, whether a label is cut off, raw Markdown left in the prose, words broken inside table
 * cells, text that prints too faint on white paper, and a mobile menu that lets focus escape.
 * Each returns a list of problems, empty when the page passes.
 */

/** The smallest diagram text a reader must be shown, in CSS pixels. */
export const MIN_TEXT_PX = 11

/**
 * Every diagram's smallest text as drawn: at least MIN_TEXT_PX, unless the diagram is already
 * at its natural size (then it scrolls in its frame and opens full screen at that size). A
 * label that runs past the diagram's edge is clipped. In a diagram drawn at build time no two
 * labels overlap and no label runs out of its box (node, note, group title).
 */
export async function diagramLegibility(page: Page): Promise<string[]> {
  return page.evaluate((minText) => {
    const problems: string[] = []
    const diagrams = [...document.querySelectorAll<SVGSVGElement>('.mermaid-figure svg')].filter(
      (svg) => !svg.closest('dialog') && svg.viewBox.baseVal?.width > 0 && svg.checkVisibility(),
    )
    diagrams.forEach((svg, index) => {
      const box = svg.getBoundingClientRect()
      const scale = box.width / svg.viewBox.baseVal.width
      const texts = [...svg.querySelectorAll('text')].filter((text) => text.textContent?.trim())
      if (texts.length === 0) return
      const smallest = Math.min(
        ...texts.map((text) => parseFloat(getComputedStyle(text).fontSize) * scale),
      )
      if (smallest < minText - 0.05 && scale < 0.995)
        problems.push(
          `diagram #${index + 1}: smallest text drawn at ${smallest.toFixed(1)}px (under ${minText}px) while shrunk to ${Math.round(scale * 100)}% of its natural size`,
        )
      const clipped = texts.filter((text) => {
        const rect = text.getBoundingClientRect()
        return rect.left < box.left - 2 || rect.right > box.right + 2
      })
      if (clipped.length > 0)
        problems.push(
          `diagram #${index + 1}: ${clipped.length} label(s) cut off at its edge, e.g. "${clipped[0]!.textContent!.trim().slice(0, 40)}"`,
        )
      if (!svg.closest('[data-mermaid="static"]')) return
      // Drawn at build time from estimated text widths: labels must not collide or spill.
      const boxes = texts.map((text) => text.getBoundingClientRect())
      const shapes = [...svg.querySelectorAll('rect, polygon')]
        .map((shape) => shape.getBoundingClientRect())
        .filter((rect) => rect.width > 4 && rect.height > 4)
      texts.forEach((text, i) => {
        const a = boxes[i]!
        const name = `"${text.textContent!.trim().slice(0, 30)}"`
        for (let j = i + 1; j < texts.length; j++) {
          const b = boxes[j]!
          const across = Math.min(a.right, b.right) - Math.max(a.left, b.left)
          const down = Math.min(a.bottom, b.bottom) - Math.max(a.top, b.top)
          if (across > 1.5 * scale && down > 1.5 * scale)
            problems.push(
              `diagram #${index + 1}: label ${name} overlaps "${texts[j]!.textContent!.trim().slice(0, 30)}"`,
            )
        }
        // Its box: the smallest shape about a line high or more that holds the label's centre.
        const x = (a.left + a.right) / 2
        const y = (a.top + a.bottom) / 2
        const box = shapes
          .filter(
            (rect) =>
              rect.left <= x &&
              x <= rect.right &&
              rect.top <= y &&
              y <= rect.bottom &&
              rect.height >= a.height - 2 &&
              rect.height < 120 * scale,
          )
          .sort((p, q) => p.width * p.height - q.width * q.height)[0]
        const spill = box ? Math.max(box.left - a.left, a.right - box.right) : 0
        if (spill > 1.5 * scale)
          problems.push(
            `diagram #${index + 1}: label ${name} runs ${(spill / scale).toFixed(1)} units out of its box`,
          )
      })
    })
    return problems
  }, MIN_TEXT_PX)
}

/** Raw Markdown a reader should never see: `**`, backticks (also drawn by CSS), `#链接到`. */
export async function rawMarkup(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    const skip = 'code, pre, kbd, samp, script, style, textarea, .katex, .sr-only, [hidden], dialog'
    const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
    for (let node = walker.nextNode(); node; node = walker.nextNode()) {
      const parent = node.parentElement
      if (!parent || parent.closest(skip) || !parent.checkVisibility()) continue
      const text = node.textContent ?? ''
      const found = ['**', '`', '#链接到'].find((mark) => text.includes(mark))
      if (found) problems.push(`literal ${found} in visible text: "${text.trim().slice(0, 60)}"`)
    }
    const ticked = [...document.querySelectorAll(':not(pre) > code')].filter((code) =>
      ['::before', '::after'].some((pseudo) =>
        getComputedStyle(code, pseudo).content.includes('`'),
      ),
    )
    if (ticked.length > 0)
      problems.push(
        `${ticked.length} inline code element(s) drawn with backticks, e.g. "${ticked[0]!.textContent}"`,
      )
    return problems
  })
}

/**
 * A short word or number in a table cell must not be split across two lines. Hyphens, slashes
 * and URL punctuation are places a line may break, so they end a word here.
 */
export async function brokenTableWords(page: Page): Promise<string[]> {
  return page.evaluate(() => {
    const problems: string[] = []
    for (const cell of document.querySelectorAll('.article td, .article th')) {
      const walker = document.createTreeWalker(cell, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        for (const match of (node.textContent ?? '').matchAll(/[!-%'-*,.0-9:;<>@-~]{2,20}/g)) {
          const range = document.createRange()
          range.setStart(node, match.index)
          range.setEnd(node, match.index + match[0].length)
          const tops = new Set([...range.getClientRects()].map((rect) => Math.round(rect.top)))
          if (tops.size > 1) problems.push(`table cell breaks "${match[0]}" across lines`)
        }
      }
    }
    return problems.slice(0, 5)
  })
}

/**
 * Printed, backgrounds are left off: every visible piece of text must read on white paper
 * (4.5:1, or 3:1 for large text), or on its own background where that is printed too. Diagram
 * text counts, drawn at build time or in the browser, against the shape it sits on.
 */
export async function printContrast(page: Page): Promise<string[]> {
  await page.emulateMedia({ media: 'print' })
  try {
    // As the browser does when a reader prints: the print event, which components/print-theme.tsx
    // answers by stepping out of the dark theme. Sent again until the page has left it: the page
    // hears it only once hydrated, and under load the sweep met lab 3 still dark after 10 s (the
    // media query change alone reaches a page only at a rendering update). A page still dark
    // after 30 s fails with one message instead of one per faint text.
    const leftDark = await page
      .waitForFunction(
        () => {
          window.dispatchEvent(new Event('beforeprint'))
          return matchMedia('print').matches && !document.documentElement.classList.contains('dark')
        },
        undefined,
        { polling: 100, timeout: 30_000 },
      )
      .then(() => true)
      .catch(() => false)
    if (!leftDark) return ['printed on white: the page stays in the dark theme while printing']
    return await page.evaluate(() => {
      const canvas = document.createElement('canvas')
      canvas.width = canvas.height = 1
      const context = canvas.getContext('2d', { willReadFrequently: true })!
      const onWhite = (color: string) => {
        context.fillStyle = '#fff'
        context.fillRect(0, 0, 1, 1)
        context.fillStyle = color
        context.fillRect(0, 0, 1, 1)
        return [...context.getImageData(0, 0, 1, 1).data.slice(0, 3)]
      }
      const luminance = (rgb: number[]) => {
        const [r, g, b] = rgb.map((value) => {
          const channel = value / 255
          return channel <= 0.03928 ? channel / 12.92 : ((channel + 0.055) / 1.055) ** 2.4
        }) as [number, number, number]
        return 0.2126 * r + 0.7152 * g + 0.0722 * b
      }
      // Backgrounds print only where the page asks for them (print-color-adjust: exact).
      const paper = (element: Element) => {
        for (let at: Element | null = element; at; at = at.parentElement) {
          const style = getComputedStyle(at)
          if (style.backgroundColor !== 'rgba(0, 0, 0, 0)' && style.printColorAdjust === 'exact')
            return onWhite(style.backgroundColor)
        }
        return [255, 255, 255]
      }
      // Diagram text: its ink is its fill (or colour, for HTML labels), and it sits on the
      // smallest filled shape of its diagram around it. SVG fills are drawn, so they print.
      const shapeBehind = (svg: SVGSVGElement, element: Element) => {
        const box = element.getBoundingClientRect()
        const [x, y] = [(box.left + box.right) / 2, (box.top + box.bottom) / 2]
        let best: { area: number; fill: string } | undefined
        for (const shape of svg.querySelectorAll('rect, polygon, path, circle, ellipse')) {
          const fill = getComputedStyle(shape).fill
          if (!fill.startsWith('rgb') || fill === 'rgba(0, 0, 0, 0)') continue
          const rect = shape.getBoundingClientRect()
          const area = rect.width * rect.height
          if (rect.left <= x && x <= rect.right && rect.top <= y && y <= rect.bottom)
            if (area > 0 && (!best || area < best.area)) best = { area, fill }
        }
        return best ? onWhite(best.fill) : [255, 255, 255]
      }
      const faint = new Map<string, number>()
      const walker = document.createTreeWalker(document.body, NodeFilter.SHOW_TEXT)
      for (let node = walker.nextNode(); node; node = walker.nextNode()) {
        const parent = node.parentElement
        if (!parent || !node.textContent?.trim() || parent.closest('.sr-only')) continue
        if (!parent.checkVisibility({ visibilityProperty: true, opacityProperty: true })) continue
        const style = getComputedStyle(parent)
        const svg = parent.closest('svg')
        const ink = svg && !parent.closest('foreignObject') ? style.fill : style.color
        if (!ink.startsWith('rgb')) continue
        const ground = svg ? shapeBehind(svg, parent) : paper(parent)
        const [light, dark] = [luminance(onWhite(ink)), luminance(ground)].sort(
          (a, b) => b - a,
        ) as [number, number]
        const ratio = (light + 0.05) / (dark + 0.05)
        const large =
          parseFloat(style.fontSize) >= 24 ||
          (parseFloat(style.fontSize) >= 18.66 && Number(style.fontWeight) >= 700)
        if (ratio < (large ? 3 : 4.5)) {
          const key = `${svg ? 'diagram ' : ''}${parent.tagName.toLowerCase()}.${[...parent.classList].slice(0, 2).join('.')} (${ink}, ${ratio.toFixed(2)}:1)`
          faint.set(key, (faint.get(key) ?? 0) + 1)
        }
      }
      return [...faint].map(
        ([key, count]) => `printed on white, ${count} text(s) too faint: ${key}`,
      )
    })
  } finally {
    await page.emulateMedia({ media: null })
    await page.evaluate(() => window.dispatchEvent(new Event('afterprint')))
  }
}

/**
 * The small-screen course menu is a modal: opened, Tab and Shift+Tab stay within the button
 * and the menu, the page behind does not scroll, and Esc closes it with focus back on the
 * button. Pages without the menu button pass.
 */
export async function mobileMenuFocus(page: Page): Promise<string[]> {
  const toggle = page.locator('.menu-button')
  if ((await toggle.count()) === 0 || !(await toggle.isVisible())) return []
  const problems: string[] = []
  await page.evaluate(() => window.scrollTo(0, 0))
  await toggle.click()
  const inside = () =>
    page.evaluate(() => {
      const active = document.activeElement
      return !!active && (!!active.closest('#course-menu') || active.matches('.menu-button'))
    })
  const stops = await page.locator('#course-menu a[href]').count()
  for (const key of ['Tab', 'Shift+Tab']) {
    for (let step = 0; step < stops + 2; step++) {
      await page.keyboard.press(key)
      if (!(await inside())) {
        const where = await page.evaluate(() => document.activeElement?.outerHTML.slice(0, 80))
        problems.push(`mobile menu: ${key} ×${step + 1} moves focus outside the menu, to ${where}`)
        break
      }
    }
  }
  // A reader's wheel (or finger) over the menu, far past its end, must not move the page.
  const panel = await page.locator('#course-menu').boundingBox()
  const before = await page.evaluate(() => window.scrollY)
  if (panel) {
    await page.mouse.move(panel.x + panel.width / 2, panel.y + panel.height / 2)
    await page.mouse.wheel(0, 20_000)
    await page.evaluate(
      () =>
        new Promise((resolve) => {
          // Two frames, or ten seconds if the page draws none (a frame may never come).
          requestAnimationFrame(() => requestAnimationFrame(resolve))
          setTimeout(resolve, 10_000)
        }),
    )
  }
  const scrolls = (await page.evaluate(() => window.scrollY)) !== before
  if (scrolls) problems.push('mobile menu: the page behind the open menu scrolls')
  await page.keyboard.press('Escape')
  const after = await page.evaluate(() => ({
    closed: !document.querySelector('#course-menu[data-open]'),
    onButton: !!document.activeElement?.matches('.menu-button'),
  }))
  if (!after.closed) problems.push('mobile menu: Esc does not close it')
  if (!after.onButton) problems.push('mobile menu: after Esc, focus is not on the menu button')
  return problems
}

import fs from 'node:fs'
import path from 'node:path'
import type { Element, Root } from 'hast'
import { fromHtml } from 'hast-util-from-html'
import { toString } from 'hast-util-to-string'
import { visit } from 'unist-util-visit'
import { exportedHtmlFiles } from '@/lib/export-info.ts'

/** Every HTML file of an export, with its URL path (`/a/b/` for `a/b/index.html`). */
export function htmlPages(outDir: string): { file: string; urlPath: string }[] {
  return exportedHtmlFiles(outDir).map((file) => {
    const relative = path.relative(outDir, file).split(path.sep).join('/')
    return {
      file,
      urlPath: relative.endsWith('index.html')
        ? `/${relative.slice(0, -'index.html'.length)}`
        : `/${relative}`,
    }
  })
}

const parsed = new Map<string, Root>()
export function parseHtml(file: string): Root {
  let tree = parsed.get(file)
  if (!tree) {
    tree = fromHtml(fs.readFileSync(file, 'utf8'))
    parsed.set(file, tree)
  }
  return tree
}

/** Every element id of a page. */
export function idsOf(file: string): Set<string> {
  const ids = new Set<string>()
  visit(parseHtml(file), 'element', (node: Element) => {
    if (typeof node.properties.id === 'string') ids.add(node.properties.id)
  })
  return ids
}

/** URLs a page points at: links, images, scripts, stylesheets, icons. */
export function referencesOf(file: string): { attribute: string; url: string }[] {
  const references: { attribute: string; url: string }[] = []
  visit(parseHtml(file), 'element', (node: Element) => {
    // Next.js adds `<link rel="preconnect" href="/">` (the page's own origin), which fetches nothing.
    const rel = node.properties.rel
    if (node.tagName === 'link' && Array.isArray(rel) && rel.includes('preconnect')) return
    for (const attribute of ['href', 'src'] as const) {
      const value = node.properties[attribute]
      if (typeof value === 'string')
        references.push({ attribute: `<${node.tagName} ${attribute}>`, url: value })
    }
  })
  return references
}

/** Text of the page's `<main>`, as a reader without JavaScript sees it. */
export function mainText(file: string): string {
  let text = ''
  visit(parseHtml(file), 'element', (node: Element) => {
    if (node.tagName !== 'main') return
    text = toString(node)
    return 'skip'
  })
  return text
}

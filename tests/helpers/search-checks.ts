import type { Page } from 'playwright-core'

/**
 * Every page's search entry, as pagefind returns it to the search box: its title, and the
 * title and excerpt of each section for a query that matches nearly every page. None may show
 * a heading anchor's screen-reader text, raw Markdown, or a formula written twice (KaTeX's
 * MathML beside its HTML).
 */
export async function searchIndexText(page: Page, basePath: string): Promise<string[]> {
  const base = basePath.endsWith('/') ? basePath : `${basePath}/`
  // Imported as the search box does. Written as a string: the test runner would rewrite an
  // import() in a function, and the page's policy blocks an injected inline script.
  await page.evaluate(
    `import('${base}pagefind/pagefind.js').then((pagefind) => { window.pagefindForTest = pagefind })`,
  )
  return page.evaluate(
    async (base) => {
      type PagefindApi = {
        options(options: object): Promise<void>
        init(): Promise<void>
        search(query: string): Promise<{ results: { data(): Promise<Data> }[] }>
      }
      type Data = {
        url: string
        excerpt: string
        meta: Record<string, string>
        sub_results?: { title: string; excerpt: string }[]
      }
      const pagefind = (window as unknown as { pagefindForTest: PagefindApi }).pagefindForTest
      await pagefind.options({ baseUrl: base })
      await pagefind.init()
      const entries: Data[] = []
      for (const query of ['的', 'O(1)', 'raft']) {
        const search = await pagefind.search(query)
        for (const result of search.results) entries.push(await result.data())
      }
      const problems = new Set<string>()
      const plain = (html: string) =>
        html
          .replace(/<\/?mark>/g, '')
          .replace(/&lt;/g, '<')
          .replace(/&gt;/g, '>')
          .replace(/&quot;/g, '"')
          .replace(/&amp;/g, '&')
      const squeeze = (text: string) => text.replace(/\s+/g, '')
      // The text of a page's code: `**` written in a code example is what the author meant.
      const codeTexts = new Map<string, Promise<string>>()
      const codeOf = (url: string) => {
        if (!codeTexts.has(url))
          codeTexts.set(
            url,
            fetch(url)
              .then((response) => response.text())
              .then((html) => new DOMParser().parseFromString(html, 'text/html'))
              .then((page) =>
                [...page.querySelectorAll('pre, code')]
                  .map((code) => squeeze(code.textContent ?? ''))
                  .join('\n'),
              ),
          )
        return codeTexts.get(url)!
      }
      for (const entry of entries) {
        const texts = [
          entry.meta.title ?? '',
          plain(entry.excerpt),
          ...(entry.sub_results ?? []).flatMap((sub) => [sub.title, plain(sub.excerpt)]),
        ]
        for (const text of texts) {
          // A heading anchor's screen-reader text reads 链接到「标题」.
          if (text.includes('链接到「')) problems.add(`${entry.url}: anchor text in "${text}"`)
          for (const stars of text.matchAll(/\*\*/g)) {
            const around = squeeze(text.slice(Math.max(0, stars.index - 6), stars.index + 8))
            if (!(await codeOf(entry.url)).includes(around))
              problems.add(`${entry.url}: literal ** in "${text}"`)
          }
          // A formula indexed twice (KaTeX's MathML beside its HTML) reads like O(1)O(1); a
          // word that repeats itself (bilibili) or one repeated letter (ZZZZZZ) is no formula.
          const doubled = /([A-Za-z][A-Za-z0-9(){}^_+-]{2,})\1/.exec(text)
          if (doubled && !/^[a-z]+$/.test(doubled[1]!) && !/^(.)\1*$/.test(doubled[1]!))
            problems.add(`${entry.url}: "${doubled[0]}" repeated in "${text}"`)
        }
      }
      return [...problems].slice(0, 20)
    },
    basePath.endsWith('/') ? basePath : `${basePath}/`,
  )
}

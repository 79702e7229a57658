import { describe, expect, it } from 'vitest'
import { inlineScripts, pagePolicy, scriptHash, withPolicy } from '@/lib/csp.ts'

const page = (head: string, body = '') =>
  `<!DOCTYPE html><html lang="zh-CN"><head><meta charSet="utf-8"/>${head}</head><body>${body}</body></html>`

describe('the Content-Security-Policy of a page', () => {
  it('hashes the scripts that run inline, not those with src or data blocks', () => {
    const html = page(
      '<script>a()</script><script src="/x.js"></script>',
      '<script type="application/ld+json">{"@type":"Course"}</script><script type="module">b()</script>',
    )
    expect(inlineScripts(html)).toEqual(['a()', 'b()'])
    // The digest of the exact bytes, as browsers compute it (echo -n 'a()' | sha256sum | base64).
    expect(scriptHash('a()')).toBe("'sha256-qVpDBgj7bpq5hMAcGp3AOc79J3Y1Z4HvySTwKrWDoy4='")
    const policy = pagePolicy(html)
    expect(policy).toContain(scriptHash('a()'))
    expect(policy).not.toMatch(/'unsafe-eval'|script-src[^;]*'unsafe-inline'/)
  })

  it('goes right after the charset, once, however often postbuild runs', () => {
    const once = withPolicy(page('<title>t</title>', '<script>a()</script>'), 'x.html')
    expect(once).toMatch(
      /<head><meta charSet="utf-8"\/><meta http-equiv="Content-Security-Policy" content="default-src 'self'; script-src 'self' 'wasm-unsafe-eval' 'sha256-/,
    )
    expect(withPolicy(once, 'x.html')).toBe(once)
  })

  it('names the file when a page does not start as Next.js writes pages', () => {
    expect(() => withPolicy('<html><head></head></html>', 'out/x/index.html')).toThrow(
      /out\/x\/index\.html: expected the page to start with/,
    )
  })
})

import fs from 'node:fs'
import path from 'node:path'
import { pagePolicy, policyText } from './csp.ts'
import { exportedHtmlFiles } from './export-info.ts'

/**
 * The same policies as the pages' `<meta>` tags, as configuration for hosts that send headers.
 * A header can say what a `<meta>` cannot: that no other site may frame the pages.
 */
export const HEADER_ONLY = "; frame-ancestors 'self'"

export type HeaderFormat = 'netlify' | 'nginx'

/** Each page's URL (with base path) and its policy, in URL order. */
export function pagePolicies(outDir: string, basePath: string): [string, string][] {
  return exportedHtmlFiles(outDir)
    .map((file): [string, string] => {
      const relative = path.relative(outDir, file).split(path.sep).join('/')
      const url = `${basePath}/${relative.replace(/(?:^|(?<=\/))index\.html$/, '')}`
      return [url, pagePolicy(fs.readFileSync(file, 'utf8')) + HEADER_ONLY]
    })
    .sort(([a], [b]) => (a < b ? -1 : 1))
}

/**
 * Netlify and Cloudflare Pages read `_headers` from the published folder: one block per page.
 * nginx gets a `map` from the request's URI (`/dir/` and, after try_files, `/dir/index.html`)
 * to the policy, to use as `add_header Content-Security-Policy $course_site_csp always;`;
 * other files (scripts, fonts, the search index) get the policy without inline hashes.
 */
export function hostHeaders(outDir: string, basePath: string, format: HeaderFormat): string {
  const policies = pagePolicies(outDir, basePath)
  if (format === 'netlify')
    return policies
      .map(([url, policy]) => `${url}\n  Content-Security-Policy: ${policy}\n`)
      .join('')
  const lines = policies.flatMap(([url, policy]) => {
    const uris = url.endsWith('/') ? [url, `${url}index.html`] : [url]
    return uris.map((uri) => `  "${uri}" "${policy}";`)
  })
  return [
    'map $uri $course_site_csp {',
    `  default "${policyText([])}${HEADER_ONLY}";`,
    ...lines,
    '}',
    '',
  ].join('\n')
}

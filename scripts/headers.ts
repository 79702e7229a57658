/**
 * `npm run headers -- netlify|nginx`: prints the Content-Security-Policy of every exported page
 * as header configuration (lib/csp-headers.ts), computed as postbuild computes the pages'
 * `<meta>` policies. Netlify and Cloudflare Pages: `npm run headers -- netlify > out/_headers`.
 */
import { hostHeaders, type HeaderFormat } from '../lib/csp-headers.ts'
import { exportedBasePath, OUT_DIR } from '../lib/export-info.ts'

const FORMATS: HeaderFormat[] = ['netlify', 'nginx']
const format = process.argv[2] as HeaderFormat
if (!FORMATS.includes(format)) {
  console.error(
    `Usage: npm run headers -- ${FORMATS.join('|')} (got ${process.argv[2] ?? 'nothing'})`,
  )
  process.exit(1)
}
process.stdout.write(hostHeaders(OUT_DIR, exportedBasePath(OUT_DIR), format))

import { withBasePath } from '@/lib/site-config'
import { KATEX_STYLESHEET } from '@/lib/vendor-assets'

/** KaTeX's stylesheet, for pages with math only; React hoists it into <head>. */
export function MathStylesheet() {
  return <link rel="stylesheet" href={withBasePath(KATEX_STYLESHEET)} precedence="katex" />
}

import path from 'node:path'

/**
 * The MDX pipeline, in one place. `next.config.ts` hands these specs to @next/mdx; the content
 * check and the tests compile with the very same list. Plugins are named by package or by
 * absolute path (Turbopack accepts only serialisable loader options), and their options are
 * plain JSON for the same reason.
 */

export type PluginSpec = [string] | [string, Record<string, unknown>]

export interface PipelineSpecs {
  remarkPlugins: PluginSpec[]
  rehypePlugins: PluginSpec[]
  remarkRehypeOptions: { footnoteLabel: string; footnoteBackLabel: string }
}

export interface PipelineOptions {
  /** `render` (the default) is the site build; `check` only validates, for the fast pre-build content check. */
  mode?: 'render' | 'check'
  /** Overrides BASE_PATH for rewritten links (tests). */
  basePath?: string
}

const here = import.meta.dirname
const local = (name: string) => path.join(here, `${name}.ts`)

export function pipelineSpecs(options: PipelineOptions = {}): PipelineSpecs {
  const linkOptions = options.basePath === undefined ? {} : { basePath: options.basePath }
  return {
    remarkPlugins: [
      [local('remark-lab-material')],
      ['remark-frontmatter'],
      ['remark-gfm'],
      // Bold and italics that touch Chinese punctuation (**“领导者”**：) parse as emphasis; plain
      // CommonMark's flanking rules leave the stars in the text.
      ['remark-cjk-friendly'],
      ['remark-math'],
      [local('remark-code-include'), linkOptions],
      [local('remark-lift-components')],
      [local('remark-check-mdx')],
      [local('remark-literal-stars')],
      [local('remark-alerts')],
      [local('remark-mermaid'), { render: options.mode !== 'check' }],
      [local('remark-component-context')],
      [local('remark-heading-ids')],
      [local('remark-site-links'), linkOptions],
    ],
    rehypePlugins: [
      [local('rehype-raw-html')],
      ['rehype-katex', { strict: 'ignore' }],
      [local('rehype-katex-errors')],
      [local('rehype-math-scroll')],
      [local('rehype-search-ignore')],
      [local('rehype-table-scroll')],
      [local('rehype-code'), { highlight: options.mode !== 'check' }],
      [local('rehype-heading-anchors')],
      [local('rehype-static-html')],
      [local('rehype-report-problems')],
    ],
    // The words screen readers hear around GFM footnotes, in the courses' language.
    remarkRehypeOptions: { footnoteLabel: '脚注', footnoteBackLabel: '返回正文' },
  }
}

import { run } from '@mdx-js/mdx'
import type { ComponentType } from 'react'
import * as runtime from 'react/jsx-runtime'
import { renderToStaticMarkup } from 'react-dom/server'
import { compilePage } from '@/lib/mdx/compile.ts'
import type { PipelineOptions } from '@/lib/mdx/pipeline.ts'
import { useMDXComponents as siteComponents } from '@/mdx-components'

/** Compiles a page with the site's pipeline and renders it with the site's components, to HTML. */
export async function renderPage(file: string, options: PipelineOptions = {}): Promise<string> {
  const code = await compilePage(file, { mode: 'render', ...options }, 'function-body')
  const { default: Content } = (await run(code, { ...runtime, baseUrl: import.meta.url })) as {
    default: ComponentType<{ components: unknown }>
  }
  return renderToStaticMarkup(<Content components={siteComponents()} />)
}

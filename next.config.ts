import path from 'node:path'
import createMDX from '@next/mdx'
import type { NextConfig } from 'next'
import { inputsBuildId } from './lib/build-id.ts'
import { pipelineSpecs } from './lib/mdx/pipeline.ts'
import { basePath } from './lib/site-config.ts'

// Lectures compile through the site's own pipeline (lib/mdx/pipeline.ts), given as plugin names
// and absolute paths because Turbopack passes only serialisable options to loaders.
const withMDX = createMDX({
  extension: /\.mdx?$/,
  options: pipelineSpecs(),
})

const nextConfig: NextConfig = {
  output: 'export',
  trailingSlash: true,
  basePath,
  pageExtensions: ['ts', 'tsx'],
  images: { unoptimized: true },
  reactStrictMode: true,
  poweredByHeader: false,
  env: { NEXT_PUBLIC_BASE_PATH: basePath },
  experimental: {
    globalNotFound: true,
    // Under next dev, server-side Fast Refresh patches modules in place and never clears
    // Turbopack's chunk cache, which keeps a failed chunk load for good: a page requested while
    // its chunk was being rewritten answered 500 until a restart (seen in the dev-server test with
    // 20 ms polling, 1 run in 3). Without it, each rewritten page clears the cache before it renders.
    turbopackServerFastRefresh: false,
  },
  // Reproducible: a hash of the inputs instead of a random ID in every page (lib/build-id.ts).
  generateBuildId: () => inputsBuildId(),
}

/**
 * Pages compile through lib/mdx/page-loader.mjs, which wraps @next/mdx's loader: under next dev
 * a page with a content mistake shows it instead of failing every page, and a page follows
 * edits to its course.yaml. Same options, same output otherwise.
 */
function withPageLoader(config: NextConfig): NextConfig {
  const pageLoader = path.join(import.meta.dirname, 'lib', 'mdx', 'page-loader.mjs')
  for (const rules of Object.values(config.turbopack?.rules ?? {})) {
    for (const rule of Array.isArray(rules) ? rules : [rules]) {
      if (typeof rule !== 'object' || !('loaders' in rule)) continue
      for (const loader of rule.loaders ?? [])
        if (typeof loader === 'object' && loader.loader.includes('mdx-js-loader'))
          loader.loader = pageLoader
    }
  }
  return config
}

export default withPageLoader(withMDX(nextConfig))

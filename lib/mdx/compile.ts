import fs from 'node:fs'
import { createRequire } from 'node:module'
import { compile } from '@mdx-js/mdx'
import type { PluggableList } from 'unified'
import { VFile } from 'vfile'
import { ContentError } from '../content/errors.ts'
import { syntaxProblem } from '../content/page-summary.ts'
import { pipelineSpecs, type PipelineOptions, type PluginSpec } from './pipeline.ts'

const require = createRequire(import.meta.url)

/** Loads plugin specs the way @next/mdx does: package names resolve from the project. */
async function load(specs: PluginSpec[]): Promise<PluggableList> {
  return Promise.all(
    specs.map(async ([name, options]) => {
      const imported = (await import(require.resolve(name, { paths: [process.cwd()] }))) as {
        default: unknown
      }
      const plugin = imported.default as PluggableList[number]
      return (options ? [plugin, options] : plugin) as PluggableList[number]
    }),
  )
}

/**
 * Compiles one page with the site's pipeline, as the bundler will. Author mistakes come back
 * as a ContentError that names the file and line; the compiled JavaScript is returned for tests.
 */
export async function compilePage(
  file: string,
  options: PipelineOptions = {},
  output: 'program' | 'function-body' = 'program',
): Promise<string> {
  const specs = pipelineSpecs(options)
  const [remarkPlugins, rehypePlugins] = await Promise.all([
    load(specs.remarkPlugins),
    load(specs.rehypePlugins),
  ])
  const vfile = new VFile({ path: file, value: fs.readFileSync(file, 'utf8') })
  try {
    const result = await compile(vfile, {
      format: file.endsWith('.md') ? 'md' : 'mdx',
      remarkPlugins,
      rehypePlugins,
      remarkRehypeOptions: specs.remarkRehypeOptions,
      // `function-body` lets tests run the page with the site's components passed in.
      ...(output === 'program'
        ? { providerImportSource: 'next-mdx-import-source-file' }
        : { outputFormat: 'function-body' as const }),
    })
    return String(result)
  } catch (error) {
    // The parser reports syntax errors as VFileMessages (with `reason` and a place).
    if (
      error &&
      typeof error === 'object' &&
      'reason' in error &&
      !(error instanceof ContentError)
    ) {
      throw new ContentError([syntaxProblem(file, error)])
    }
    throw error
  }
}

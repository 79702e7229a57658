import fs from 'node:fs'
import type { Root } from 'mdast'
import { imageSize } from 'image-size'
import type { VFile } from 'vfile'
import type { Node } from 'unist'
import { visit } from 'unist-util-visit'
import { isJsxElement, stringAttribute } from '../content/analyze.ts'
import type { ContentProblem } from '../content/errors.ts'
import { basePath as defaultBasePath } from '../site-config.ts'
import { pageContextOf } from './page-context.ts'
import { problemAt, recordProblems } from './problems.ts'
import { resolveLink, type LinkSource } from './resolve-link.ts'

export interface Options {
  /** URL prefix for every rewritten link. @defaultValue the BASE_PATH of the build */
  basePath?: string
}

/** Pixel size of a local image, so the browser reserves its space before it loads. */
function dimensionsOf(file: string): { width: number; height: number } | undefined {
  try {
    const { width, height } = imageSize(fs.readFileSync(file))
    return width && height ? { width, height } : undefined
  } catch {
    return undefined
  }
}

/**
 * Rewrites links and image sources written in content to site URLs under the base path, and
 * fails on any that point nowhere: a missing page, heading anchor or asset. Images must be local
 * files (a remote image would be a third-party request) and must have alt text.
 */
export default function remarkSiteLinks(options: Options = {}) {
  const basePath = options.basePath ?? defaultBasePath
  return (tree: Root, file: VFile) => {
    const context = pageContextOf(file)
    if (!context) return
    const page = context.lecture ?? context.lab ?? context.course.overview
    const source: LinkSource = {
      site: context.site,
      contentDir: context.contentDir,
      course: context.course,
      file: context.file,
      anchors: page?.anchors ?? new Set(),
      basePath,
      linkToDrafts: context.linkToDrafts,
    }
    const problems: ContentProblem[] = []
    const fail = (node: Node, message: string, hint: string) =>
      problems.push(problemAt(context.file, node, message, hint))

    const resolveLinkUrl = (node: Node, url: string) => {
      const result = resolveLink(url, source)
      if (result.kind === 'error') {
        fail(node, `${result.message} (in "${url}")`, result.hint)
        return url
      }
      return result.url
    }

    const resolveImage = (node: Node, url: string, alt: string | undefined) => {
      if (alt === undefined || alt.trim() === '') {
        fail(
          node,
          `image "${url}" has no alt text`,
          'Describe the image for readers who cannot see it: ![what it shows](./images/x.png).',
        )
      }
      const result = resolveLink(url, source)
      if (result.kind === 'external') {
        fail(
          node,
          `remote image "${url}"`,
          'Images load from the site itself: save the file under content/<course>/images/ and link it relatively.',
        )
        return { url }
      }
      if (result.kind !== 'asset') {
        fail(
          node,
          result.kind === 'error'
            ? `missing image: ${result.message.replace(/^broken link: /, '')}`
            : `"${url}" is not an image file`,
          `Put images in content/${context.course.slug}/images/ and write ./images/<name>.`,
        )
        return { url }
      }
      return { url: result.url, size: result.file ? dimensionsOf(result.file) : undefined }
    }

    visit(tree, (node) => {
      if (node.type === 'link' || node.type === 'definition') {
        node.url = resolveLinkUrl(node, node.url)
      } else if (node.type === 'image') {
        const { url, size } = resolveImage(node, node.url, node.alt ?? undefined)
        node.url = url
        node.data = {
          ...node.data,
          hProperties: { ...node.data?.hProperties, ...size, loading: 'lazy', decoding: 'async' },
        }
      } else if (isJsxElement(node)) {
        for (const attribute of node.attributes) {
          if (attribute.type !== 'mdxJsxAttribute' || typeof attribute.value !== 'string') continue
          if (node.name === 'a' && attribute.name === 'href') {
            attribute.value = resolveLinkUrl(node, attribute.value)
          }
          if ((node.name === 'img' || node.name === 'Figure') && attribute.name === 'src') {
            const { url, size } = resolveImage(node, attribute.value, stringAttribute(node, 'alt'))
            attribute.value = url
            if (size && !stringAttribute(node, 'width')) {
              node.attributes.push(
                { type: 'mdxJsxAttribute', name: 'width', value: String(size.width) },
                { type: 'mdxJsxAttribute', name: 'height', value: String(size.height) },
              )
            }
          }
        }
      }
    })
    recordProblems(file, problems)
  }
}

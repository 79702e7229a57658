import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { isLabMaterial } from './page-context.ts'

/**
 * A Markdown file inside a lab's folder (a kit's README.md) is part of the download, not a
 * page; the bundler still compiles it because the page import covers every .md under content/.
 * It compiles to an empty module.
 */
export default function remarkLabMaterial() {
  return (tree: Root, file: VFile) => {
    if (file.path && isLabMaterial(file.path)) tree.children = []
  }
}

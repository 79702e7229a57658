import type { Root } from 'mdast'
import type { VFile } from 'vfile'
import { assignHeadingIds } from './heading-ids.ts'
import { pageContextOf } from './page-context.ts'

/** Gives every heading its anchor id (Chinese characters kept, unique per page; a lab's parts by their id). */
export default function remarkHeadingIds() {
  return (tree: Root, file: VFile) => {
    assignHeadingIds(
      tree,
      pageContextOf(file)?.lab?.parts.map((part) => part.id),
    )
  }
}

import type { Root } from 'mdast'
import { assignHeadingIds } from './heading-ids.ts'

/** Gives every heading its anchor id (Chinese characters kept, unique per page). */
export default function remarkHeadingIds() {
  return (tree: Root) => {
    assignHeadingIds(tree)
  }
}

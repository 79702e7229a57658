/**
 * Where a lecture goes in a course.yaml, and the text edit that puts it there. The content
 * check names that line when a lecture is not listed; `npm run new:lecture` makes the edit.
 */

export interface ListingPoint {
  /** 1-based line of the part's last lecture. */
  line: number
  /** `lectures: [a, b]` (the new slug goes inside the brackets) rather than one `- a` a line. */
  flow: boolean
  partTitle: string
  after: string
}

interface ManifestParts {
  parts: { id: string; title: string; lectures: string[] }[]
}

/** The last lecture of a part (the last part unless `partId` names one), and how it is written. */
export function listingPoint(
  data: ManifestParts,
  lineOf: (path: (string | number)[]) => number | undefined,
  manifestText: string,
  partId?: string,
): ListingPoint | undefined {
  const partIndex =
    partId === undefined
      ? data.parts.length - 1
      : data.parts.findIndex((candidate) => candidate.id === partId)
  const part = data.parts[partIndex]
  if (!part) return undefined
  const line = lineOf(['parts', partIndex, 'lectures', part.lectures.length - 1])
  if (line === undefined) return undefined
  const text = manifestText.split('\n')[line - 1] ?? ''
  return { line, flow: text.includes(']'), partTitle: part.title, after: part.lectures.at(-1)! }
}

/** Lists `slug` right after the listing point, keeping the file's own layout and comments. */
export function insertLecture(manifestText: string, point: ListingPoint, slug: string): string {
  const lines = manifestText.split('\n')
  const current = lines[point.line - 1]!
  if (point.flow) {
    const close = current.lastIndexOf(']')
    lines[point.line - 1] = `${current.slice(0, close).trimEnd()}, ${slug}${current.slice(close)}`
  } else {
    const indent = /^\s*-\s*/.exec(current)?.[0] ?? '      - '
    lines.splice(point.line, 0, `${indent}${slug}`)
  }
  return lines.join('\n')
}

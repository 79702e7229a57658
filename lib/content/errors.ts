import path from 'node:path'

/** One mistake in the content, located as precisely as we can. */
export interface ContentProblem {
  /** Absolute path of the file at fault. */
  file: string
  /** 1-based line, when known. */
  line?: number
  /** 1-based column, when known. */
  column?: number
  /** What is wrong, in one sentence. */
  message: string
  /** What is allowed, or what to write instead. */
  hint?: string
}

/** Formats a path relative to the working directory, so messages stay short and clickable. */
export function displayPath(file: string): string {
  const relative = path.relative(process.cwd(), file)
  return relative.startsWith('..') ? file : relative
}

/** `content/x/lecture-01.mdx:12:5: message` followed by the hint on its own line. */
export function formatProblem(problem: ContentProblem): string {
  let location = displayPath(problem.file)
  if (problem.line !== undefined) {
    location += `:${problem.line}`
    if (problem.column !== undefined) location += `:${problem.column}`
  }
  const hint = problem.hint ? `\n    ${problem.hint.split('\n').join('\n    ')}` : ''
  return `${location}: ${problem.message}${hint}`
}

/**
 * Thrown for every author mistake. Its message lists every problem found, one per line,
 * each naming the file, the line where known, what is wrong and what is allowed.
 */
export class ContentError extends Error {
  readonly problems: ContentProblem[]

  constructor(problems: ContentProblem[]) {
    const count = problems.length === 1 ? '1 problem' : `${problems.length} problems`
    super(`Content error (${count}):\n${problems.map((p) => `  ${formatProblem(p)}`).join('\n')}`)
    this.name = 'ContentError'
    this.problems = problems
  }
}

/** Collects problems while a whole course is checked, so authors see all of them at once. */
export class ProblemList {
  readonly items: ContentProblem[] = []

  add(problem: ContentProblem): void {
    this.items.push(problem)
  }

  /** Records the problems of a thrown ContentError, or rethrows anything else. */
  absorb(error: unknown): void {
    if (error instanceof ContentError) this.items.push(...error.problems)
    else throw error
  }

  throwIfAny(): void {
    if (this.items.length > 0) throw new ContentError(this.items)
  }
}

/** Levenshtein distance, for "did you mean" hints on misspelt keys and slugs. */
function editDistance(a: string, b: string): number {
  const row = Array.from({ length: b.length + 1 }, (_, i) => i)
  for (let i = 1; i <= a.length; i++) {
    let diagonal = row[0]!
    row[0] = i
    for (let j = 1; j <= b.length; j++) {
      const above = row[j]!
      row[j] = Math.min(above + 1, row[j - 1]! + 1, diagonal + (a[i - 1] === b[j - 1] ? 0 : 1))
      diagonal = above
    }
  }
  return row[b.length]!
}

/** The closest candidate to `input`, if it is close enough to be a likely typo. */
export function closestMatch(input: string, candidates: readonly string[]): string | undefined {
  let best: string | undefined
  let bestDistance = Infinity
  for (const candidate of candidates) {
    const distance = editDistance(input.toLowerCase(), candidate.toLowerCase())
    if (distance < bestDistance) {
      best = candidate
      bestDistance = distance
    }
  }
  return bestDistance <= Math.max(2, Math.floor(input.length / 3)) ? best : undefined
}

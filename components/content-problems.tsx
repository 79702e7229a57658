import { displayPath, type ContentProblem } from '@/lib/content/errors'

/**
 * What the dev server shows in place of a page with a content mistake: each problem with its
 * file and line, what is wrong and what is allowed, and nothing of the framework's stack.
 * The rest of the site keeps working; a build stops on the same problems.
 */
export function ContentProblems({ problems }: { problems: ContentProblem[] }) {
  return (
    <section role="alert" className="content-problems not-prose" data-content-problems>
      <h2>这一页的内容有错误</h2>
      <p>改好并保存后，页面会自动刷新。其他页面不受影响。</p>
      <ol>
        {problems.map((problem, index) => (
          <li key={index}>
            <code className="content-problem-location">
              {displayPath(problem.file)}
              {problem.line !== undefined && `:${problem.line}`}
              {problem.column !== undefined && `:${problem.column}`}
            </code>
            <p className="content-problem-message">{problem.message}</p>
            {problem.hint && <p className="content-problem-hint">{problem.hint}</p>}
          </li>
        ))}
      </ol>
    </section>
  )
}

import Link from 'next/link'
import type { Lab } from '@/lib/content'
import { CopyButton } from './mdx/copy-button'
import { LabPartToggle } from './progress/lab-part-toggle'

/** The parts of a lab: each with its hours, the command that grades it (with a copy button) and its completion toggle. */
export function LabParts({ course, lab }: { course: string; lab: Lab }) {
  return (
    <section aria-labelledby="lab-parts-heading" className="not-prose mb-10" data-lab-parts>
      <h2 id="lab-parts-heading" className="mb-3 text-xl font-bold">
        各部分
      </h2>
      <ol className="grid gap-3">
        {lab.parts.map((part) => (
          <li key={part.id} className="lab-card" data-lab-part={part.id}>
            <div className="flex flex-wrap items-center justify-between gap-2">
              <Link href={part.path} prefetch={false} className="font-semibold hover:underline">
                {`${part.id.toUpperCase()}：${part.title}`}
              </Link>
              <span className="flex items-center gap-3 text-sm text-[var(--muted-fg)]">
                {part.hours !== undefined && <span>{`约 ${part.hours} 小时`}</span>}
                <LabPartToggle
                  course={course}
                  lab={lab.id}
                  part={part.id}
                  label={part.id.toUpperCase()}
                />
              </span>
            </div>
            {part.test && (
              <figure className="code-block mt-3 mb-0" data-language="shell">
                <figcaption className="code-block-bar">
                  <span className="truncate">{`在起始代码目录中运行，测试 ${part.id.toUpperCase()}`}</span>
                  <CopyButton />
                </figcaption>
                <div className="code-block-body">
                  <pre>
                    <code>{part.test}</code>
                  </pre>
                </div>
              </figure>
            )}
          </li>
        ))}
      </ol>
    </section>
  )
}

import Link from 'next/link'
import type { Course, Lab } from '@/lib/content'
import { withBasePath } from '@/lib/site-config'

/** One lab in a listing: title, what to build, hours and parts, the lectures it serves, the kit. */
export function LabCard({ course, lab }: { course: Course; lab: Lab }) {
  return (
    <li className="lab-card" id={`lab-${lab.id}`} data-lab={lab.id}>
      <h3 className="font-semibold">
        <Link href={lab.path} prefetch={false} className="underline-offset-2 hover:underline">
          {lab.title}
        </Link>
      </h3>
      <p className="mt-1 text-sm text-[var(--muted-fg)]">{lab.description}</p>
      <p className="mt-2 text-sm">
        {`约 ${lab.hours} 小时 · `}
        {lab.parts.map((part, index) => (
          <span key={part.id}>
            {index > 0 && ' '}
            <Link href={part.path} prefetch={false} className="underline underline-offset-2">
              {part.id.toUpperCase()}
            </Link>
          </span>
        ))}
      </p>
      {lab.lectures.length > 0 && (
        <p className="mt-1 text-sm">
          {'配合 '}
          {lab.lectures.map((lecture, index) => (
            <span key={lecture.slug}>
              {index > 0 && '、'}
              <Link href={lecture.path} prefetch={false} className="underline underline-offset-2">
                {`第 ${lecture.number} ${course.unit}`}
              </Link>
            </span>
          ))}
        </p>
      )}
      {lab.kit && (
        <p className="mt-1 text-sm">
          <a
            href={withBasePath(lab.kit.archivePath)}
            download
            className="underline underline-offset-2"
          >
            {`下载起始代码 ${lab.kit.archiveName}`}
          </a>
        </p>
      )}
    </li>
  )
}

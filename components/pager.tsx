import Link from 'next/link'
import type { Course, LectureRef } from '@/lib/content'
import { ArrowLeftIcon, ArrowRightIcon } from './icons'

interface PagerProps {
  course: Course
  previous: LectureRef | undefined
  next: LectureRef | undefined
}

/** Previous and next lecture, in the order of the course manifest. */
export function Pager({ course, previous, next }: PagerProps) {
  if (!previous && !next) return null
  return (
    <nav
      aria-label="上一讲与下一讲"
      className="no-print mt-12 grid gap-4 sm:grid-cols-2"
      data-pagefind-ignore="all"
    >
      {previous ? (
        <Link
          prefetch={false}
          href={previous.path}
          rel="prev"
          className="pager-link"
          data-pager="previous"
        >
          <span className="flex items-center gap-1 text-sm text-[var(--muted-fg)]">
            <ArrowLeftIcon width={16} height={16} />
            {`上一${course.unit} · 第 ${previous.number} ${course.unit}`}
          </span>
          <span className="mt-1 block font-semibold">{previous.title}</span>
        </Link>
      ) : (
        <span />
      )}
      {next && (
        <Link
          prefetch={false}
          href={next.path}
          rel="next"
          className="pager-link sm:text-right"
          data-pager="next"
        >
          <span className="flex items-center gap-1 text-sm text-[var(--muted-fg)] sm:justify-end">
            {`下一${course.unit} · 第 ${next.number} ${course.unit}`}
            <ArrowRightIcon width={16} height={16} />
          </span>
          <span className="mt-1 block font-semibold">{next.title}</span>
        </Link>
      )}
      <p className="pager-keys-hint text-xs text-[var(--muted-fg)] sm:col-span-2">
        快捷键：<kbd>[</kbd> 上一{course.unit}，<kbd>]</kbd> 下一{course.unit}
      </p>
    </nav>
  )
}

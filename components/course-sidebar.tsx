import Link from 'next/link'
import type { Course } from '@/lib/content'
import { lectureRange } from '@/lib/lecture-range'

/**
 * A course with more lectures than this lists only the current part's lectures in the sidebar
 * and folds its other parts into links to the course contents. A full list on every page makes
 * each page, and the whole build, grow with the square of the course's length; at a few hundred
 * lectures it is also too long to scan.
 */
export const FULL_SIDEBAR_MAX_LECTURES = 60

interface CourseSidebarProps {
  course: Course
  /** Slug of the lecture being read, marked as the current page. */
  current?: string
  /** Id of the lab being read, marked as the current page. */
  currentLab?: string
}

type Part = Course['parts'][number]

/** The course's parts and lectures, in manifest order, then its labs; the current page marked. */
export function CourseSidebar({ course, current, currentLab }: CourseSidebarProps) {
  const folds = course.lectures.length > FULL_SIDEBAR_MAX_LECTURES
  return (
    <nav aria-label="课程目录" className="text-[0.9rem]" data-pagefind-ignore="all">
      <Link
        href={course.path}
        prefetch={false}
        className="mb-4 block font-semibold hover:text-[var(--color-accent-600)] dark:hover:text-[var(--color-accent-300)]"
      >
        {course.title}
      </Link>
      {course.parts.map((part) =>
        folds && !part.lectures.some((lecture) => lecture.slug === current) ? (
          <FoldedPart key={part.id} course={course} part={part} />
        ) : (
          <PartLectures
            key={part.id}
            course={course}
            part={part}
            current={current}
            alignWithFolded={folds}
          />
        ),
      )}
      {course.labs.length > 0 && <SidebarLabs course={course} current={currentLab} />}
    </nav>
  )
}

interface PartLecturesProps {
  course: Course
  part: Part
  current?: string
  /** Indents the part's title as far as the folded parts' titles around it. */
  alignWithFolded: boolean
}

function PartLectures({ course, part, current, alignWithFolded }: PartLecturesProps) {
  return (
    <div className={alignWithFolded ? 'mt-2 mb-3' : 'mb-5'}>
      <p
        id={`part-${part.id}`}
        className={`mb-1.5 text-xs font-semibold tracking-wide text-[var(--muted-fg)]${alignWithFolded ? ' px-[0.6rem]' : ''}`}
      >
        {part.title}
      </p>
      <ol aria-labelledby={`part-${part.id}`} className="space-y-0.5">
        {part.lectures.map((lecture) => (
          <li key={lecture.slug}>
            <Link
              href={lecture.path}
              prefetch={false}
              aria-current={lecture.slug === current ? 'page' : undefined}
              data-lecture={lecture.slug}
              className="sidebar-link"
            >
              <span className="sidebar-number" aria-hidden="true">
                {lecture.number}
              </span>
              <span>
                <span className="sr-only">{`第 ${lecture.number} ${course.unit}：`}</span>
                {lecture.title}
                <span className="complete-label sr-only" />
              </span>
            </Link>
          </li>
        ))}
      </ol>
    </div>
  )
}

/** A part other than the current one, in a long course: its title and range, linking to its lectures in the course contents. */
function FoldedPart({ course, part }: { course: Course; part: Part }) {
  // Never empty: the content loader drops parts without published lectures.
  const range = lectureRange(part.lectures, course.unit)
  return (
    <Link
      href={`${course.path}#part-${part.id}`}
      prefetch={false}
      className="sidebar-part-link"
      data-folded-part={part.id}
    >
      <span>{part.title}</span>
      <span className="sidebar-part-range">{range}</span>
    </Link>
  )
}

/** The labs, after the lectures: each links to its handout. */
function SidebarLabs({ course, current }: { course: Course; current?: string }) {
  return (
    <div className="mb-5">
      <p
        id="sidebar-labs"
        className="mb-1.5 text-xs font-semibold tracking-wide text-[var(--muted-fg)]"
      >
        实践项目
      </p>
      <ul aria-labelledby="sidebar-labs" className="space-y-0.5">
        {course.labs.map((lab) => (
          <li key={lab.id}>
            <Link
              href={lab.path}
              prefetch={false}
              aria-current={lab.id === current ? 'page' : undefined}
              data-sidebar-lab={lab.id}
              className="sidebar-link"
            >
              <span>{lab.title}</span>
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

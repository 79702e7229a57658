import type { Course } from '@/lib/content'

interface SearchMetaProps {
  course: Course
  /** What a search result says the page is: 第 3 讲, 课程首页, 实践项目. */
  label: string
}

/**
 * What pagefind records of a page besides its text: the course (shown and filterable), the kind
 * of course (guides, the handbook, are for authors: a student's search leaves them out unless
 * chosen) and the label a result carries. Every page in the search index has all three.
 */
export function SearchMeta({ course, label }: SearchMetaProps) {
  return (
    <>
      <span hidden data-pagefind-meta="course" data-pagefind-filter="course">
        {course.title}
      </span>
      <span hidden data-pagefind-filter={`kind:${course.kind}`} />
      <span hidden data-pagefind-meta="label">
        {label}
      </span>
    </>
  )
}

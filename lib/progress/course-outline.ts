import type { Course } from '../content/index.ts'

/** The small, serialisable view of a course's lectures that the progress components need. */
export function progressLectures(course: Course) {
  return course.lectures.map((lecture) => ({
    slug: lecture.slug,
    title: lecture.title,
    number: lecture.number,
    path: lecture.path,
  }))
}

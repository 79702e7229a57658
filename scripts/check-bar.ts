/**
 * `npm run check:bar [course]`: measures every lecture against the lecture bar of CONTENT.md
 * (prose length, sections, diagrams, Go samples, exercises, quiz, frontmatter) and lists the
 * shortfalls. The content test enforces the same for every lecture of every course.
 */
import { getSite } from '../lib/content/index.ts'
import { lectureShortfalls } from '../lib/content/lecture-bar.ts'

const only = process.argv[2]
let failing = 0
for (const course of getSite({ includeDrafts: true }).courses) {
  if (course.kind !== 'course' || (only && course.slug !== only)) continue
  for (const lecture of course.lectures) {
    const shortfalls = lectureShortfalls(course, lecture)
    const status = shortfalls.length === 0 ? '✓' : '✗'
    console.log(`${status} ${course.slug}/${lecture.slug} (${lecture.hanCount} 字)`)
    for (const shortfall of shortfalls) console.log(`    ${shortfall}`)
    if (shortfalls.length > 0) failing++
  }
}
process.exit(failing > 0 ? 1 : 0)

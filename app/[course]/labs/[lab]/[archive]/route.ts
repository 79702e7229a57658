import { getLab, getSite } from '@/lib/content'
import { kitArchive } from '@/lib/labs/kit'

export const dynamic = 'force-static'
export const dynamicParams = false

/** Written when no lab has a kit: a static export must generate at least one route. */
const NOTHING = '.none'

/** Each lab's starter kit, zipped at build time: `/<course>/labs/<id>/<id>-kit.zip`. */
export function generateStaticParams() {
  const courses = getSite().courses
  const params = courses.flatMap((course) =>
    course.labs.flatMap((lab) =>
      lab.kit ? [{ course: course.slug, lab: lab.id, archive: lab.kit.archiveName }] : [],
    ),
  )
  const first = courses.find((course) => course.labs.length > 0)
  return params.length > 0 || !first
    ? params
    : [{ course: first.slug, lab: first.labs[0]!.id, archive: NOTHING }]
}

export async function GET(
  _request: Request,
  context: { params: Promise<{ course: string; lab: string; archive: string }> },
) {
  const { course, lab: labId, archive } = await context.params
  if (archive === NOTHING) return new Response('', { headers: { 'content-type': 'text/plain' } })
  const lab = getLab(course, labId)
  if (!lab.kit || archive !== lab.kit.archiveName) return new Response('', { status: 404 })
  return new Response(new Uint8Array(kitArchive(lab.id, lab.kit)), {
    headers: { 'content-type': 'application/zip' },
  })
}

import { getSite, readAsset, listAssets } from '@/lib/content'

export const dynamic = 'force-static'
export const dynamicParams = false

/** Written when no course has any image: a static export must generate at least one route here. */
const NO_ASSETS = '.no-assets'

/** Every file in every course's images/ folder becomes a static file of the export. */
export function generateStaticParams() {
  const courses = getSite().courses
  const params = courses.flatMap((course) =>
    listAssets(course.slug).map((path) => ({ course: course.slug, path })),
  )
  return params.length > 0 || courses.length === 0
    ? params
    : [{ course: courses[0]!.slug, path: [NO_ASSETS] }]
}

export async function GET(
  _request: Request,
  context: { params: Promise<{ course: string; path: string[] }> },
) {
  const { course, path } = await context.params
  if (path.length === 1 && path[0] === NO_ASSETS)
    return new Response('', { headers: { 'content-type': 'text/plain' } })
  const asset = readAsset(course, path)
  return new Response(new Uint8Array(asset.body), {
    headers: { 'content-type': asset.contentType },
  })
}

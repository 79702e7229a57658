import { getSite, readAsset, listAssets } from '@/lib/content'

export const dynamic = 'force-static'
export const dynamicParams = false

/** Every file in every course's images/ folder becomes a static file of the export. */
export function generateStaticParams() {
  return getSite().courses.flatMap((course) => listAssets(course.slug).map((path) => ({ course: course.slug, path })))
}

export async function GET(_request: Request, context: { params: Promise<{ course: string; path: string[] }> }) {
  const { course, path } = await context.params
  const asset = readAsset(course, path)
  return new Response(new Uint8Array(asset.body), { headers: { 'content-type': asset.contentType } })
}

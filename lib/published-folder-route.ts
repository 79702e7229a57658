import { getSite, listAssets, readAsset } from '@/lib/content'
import type { PublishedFolder } from '@/lib/urls'

/** Written when no course has a file in the folder: a static export must generate at least one route. */
const NOTHING = '.none'

/**
 * The route handlers that publish a course folder file by file (images/ and code/): every file
 * becomes a static file of the export at `/<course>/<folder>/…`.
 */
export function publishedFolderRoute(folder: PublishedFolder) {
  function generateStaticParams() {
    const courses = getSite().courses
    const params = courses.flatMap((course) =>
      listAssets(course.slug, folder).map((path) => ({ course: course.slug, path })),
    )
    return params.length > 0 || courses.length === 0
      ? params
      : [{ course: courses[0]!.slug, path: [NOTHING] }]
  }

  async function GET(
    _request: Request,
    context: { params: Promise<{ course: string; path: string[] }> },
  ) {
    const { course, path } = await context.params
    if (path.length === 1 && path[0] === NOTHING)
      return new Response('', { headers: { 'content-type': 'text/plain' } })
    const file = readAsset(course, path, folder)
    return new Response(new Uint8Array(file.body), {
      headers: { 'content-type': file.contentType },
    })
  }

  return { generateStaticParams, GET }
}

import type { MetadataRoute } from 'next'
import { getSite } from '@/lib/content'
import { absoluteUrl } from '@/lib/site-config'

export const dynamic = 'force-static'

/** Every page of the site: the catalog, each course home and each lecture. */
export default function sitemap(): MetadataRoute.Sitemap {
  const site = getSite()
  return [
    { url: absoluteUrl('/') },
    ...site.courses.flatMap((course) => [
      { url: absoluteUrl(course.path) },
      ...course.lectures.map((lecture) => ({ url: absoluteUrl(lecture.path) })),
    ]),
  ]
}

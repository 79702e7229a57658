import type { MetadataRoute } from 'next'
import { getSite } from '@/lib/content'
import { absoluteUrl } from '@/lib/site-config'
import { labsPath } from '@/lib/urls'

export const dynamic = 'force-static'

/** Every page of the site: the catalog, each course home, each lecture and each lab. */
export default function sitemap(): MetadataRoute.Sitemap {
  const site = getSite()
  return [
    { url: absoluteUrl('/') },
    ...site.courses.flatMap((course) => [
      { url: absoluteUrl(course.path) },
      ...course.lectures.map((lecture) => ({ url: absoluteUrl(lecture.path) })),
      ...(course.labs.length > 0 ? [{ url: absoluteUrl(labsPath(course.slug)) }] : []),
      ...course.labs.map((lab) => ({ url: absoluteUrl(lab.path) })),
    ]),
  ]
}

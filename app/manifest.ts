import type { MetadataRoute } from 'next'
import { getSite } from '@/lib/content'
import { THEME_COLORS } from '@/lib/pwa/theme-colors'
import { basePath } from '@/lib/site-config'

export const dynamic = 'force-static'

/** The web app manifest (out/manifest.webmanifest): the site installs as an app that reads offline. */
export default function manifest(): MetadataRoute.Manifest {
  const site = getSite()
  return {
    name: site.title,
    short_name: site.title,
    description: site.description,
    lang: site.language,
    start_url: `${basePath}/`,
    scope: `${basePath}/`,
    display: 'standalone',
    background_color: THEME_COLORS.light,
    theme_color: THEME_COLORS.light,
    icons: [
      { src: `${basePath}/icon.svg`, sizes: 'any', type: 'image/svg+xml' },
      { src: `${basePath}/icons/192.png`, sizes: '192x192', type: 'image/png' },
      { src: `${basePath}/icons/512.png`, sizes: '512x512', type: 'image/png' },
    ],
  }
}

import { publishedFolderRoute } from '@/lib/published-folder-route'

export const dynamic = 'force-static'
export const dynamicParams = false

/** Every file in every course's images/ folder becomes a static file of the export. */
export const { generateStaticParams, GET } = publishedFolderRoute('images')

import { publishedFolderRoute } from '@/lib/published-folder-route'

export const dynamic = 'force-static'
export const dynamicParams = false

/** Every file of every course's code/ folder (the programs pages include) is published as is. */
export const { generateStaticParams, GET } = publishedFolderRoute('code')

import type { Metadata } from 'next'
import { absoluteUrl, siteUrl } from './site-config.ts'

interface PageMetadata {
  title: string
  description: string
  /** Site path without the base path. */
  path: string
  language: string
  siteName: string
  type?: 'website' | 'article'
}

/** Title, description, canonical URL and OpenGraph/Twitter cards, the same way on every page. */
export function pageMetadata({
  title,
  description,
  path,
  language,
  siteName,
  type = 'website',
}: PageMetadata): Metadata {
  const url = absoluteUrl(path)
  return {
    metadataBase: new URL(siteUrl),
    title,
    description,
    alternates: { canonical: url },
    openGraph: { title, description, url, siteName, locale: language.replace('-', '_'), type },
    twitter: { card: 'summary', title, description },
  }
}

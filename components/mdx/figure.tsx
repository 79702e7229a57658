import type { FigureProps } from '@/lib/mdx/component-props'

/**
 * An image with a caption. The pipeline has already checked that the file exists and has alt
 * text, rewritten `src` to the site URL and added its pixel size (so the page does not jump).
 */
export function Figure({ src, alt, caption, width, height }: FigureProps) {
  return (
    <figure className="figure not-prose">
      {/* A plain <img>: images are copied as they are; a static export has no optimizer. */}
      {/* eslint-disable-next-line @next/next/no-img-element */}
      <img src={src} alt={alt} width={width} height={height} loading="lazy" decoding="async" />
      {caption && <figcaption>{caption}</figcaption>}
    </figure>
  )
}

import type { VideoProps as AuthorProps } from '@/lib/mdx/component-props'
import { VIDEO_EMBED_ORIGIN } from '@/lib/video-hosts'
import { VideoPlayer, type VideoSource } from './video-player'

export interface VideoProps extends AuthorProps {
  /** The page language, set by the pipeline: zh-CN pages offer Bilibili first. */
  language?: string
}

/** Seconds from `90`, `12:30` or `1:02:03`. */
export function startSeconds(start: string | undefined): number {
  if (!start) return 0
  return start.split(':').reduce((total, part) => total * 60 + Number(part), 0)
}

/** The only two hosts a video may come from, with the exact embed URL for each. */
export function videoSources(props: AuthorProps, language = 'zh-CN'): VideoSource[] {
  const seconds = startSeconds(props.start)
  const sources: VideoSource[] = []
  if (props.youtube) {
    const query = new URLSearchParams({ autoplay: '1', rel: '0' })
    if (seconds) query.set('start', String(seconds))
    sources.push({
      provider: 'youtube',
      name: 'YouTube',
      embedUrl: `${VIDEO_EMBED_ORIGIN.youtube}/embed/${props.youtube}?${query}`,
      pageUrl: `https://www.youtube.com/watch?v=${props.youtube}${seconds ? `&t=${seconds}s` : ''}`,
    })
  }
  if (props.bilibili) {
    const query = new URLSearchParams({
      bvid: props.bilibili,
      autoplay: '1',
      high_quality: '1',
      danmaku: '0',
    })
    if (props.part) query.set('p', String(props.part))
    if (seconds) query.set('t', String(seconds))
    const page = new URLSearchParams()
    if (props.part) page.set('p', String(props.part))
    if (seconds) page.set('t', String(seconds))
    const pageQuery = page.toString()
    sources.push({
      provider: 'bilibili',
      name: 'Bilibili',
      embedUrl: `${VIDEO_EMBED_ORIGIN.bilibili}/player.html?${query}`,
      pageUrl: `https://www.bilibili.com/video/${props.bilibili}/${pageQuery ? `?${pageQuery}` : ''}`,
    })
  }
  // Bilibili plays where YouTube is blocked: offer it first to Chinese readers.
  if (language.toLowerCase().startsWith('zh')) {
    sources.sort((a, b) => Number(b.provider === 'bilibili') - Number(a.provider === 'bilibili'))
  }
  return sources
}

/**
 * A click-to-play video: nothing is requested from YouTube or Bilibili until the reader
 * presses play. The facade is drawn by the page itself (title, duration, provider), and plain
 * links to the video pages work without JavaScript.
 */
export function Video({ language, link, title, duration, ...props }: VideoProps) {
  const sources = videoSources({ ...props, link, title, duration }, language)
  return (
    <figure className="video not-prose no-print" data-video>
      <VideoPlayer sources={sources} title={title ?? '讲座视频'} duration={duration} />
      <figcaption className="mt-2 flex flex-wrap gap-x-4 gap-y-1 text-sm text-[var(--muted-fg)]">
        {sources.map((source) => (
          <a
            key={source.provider}
            href={source.pageUrl}
            className="underline underline-offset-2"
            rel="noopener"
          >
            {`在 ${source.name} 观看`}
          </a>
        ))}
        {link && (
          <a href={link} className="underline underline-offset-2" rel="noopener">
            官方视频页面
          </a>
        )}
      </figcaption>
    </figure>
  )
}

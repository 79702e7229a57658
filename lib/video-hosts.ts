/**
 * The origins whose players a video facade embeds once the reader presses play: the only
 * frames the Content-Security-Policy allows (lib/csp.ts).
 */
export const VIDEO_EMBED_ORIGIN = {
  youtube: 'https://www.youtube-nocookie.com',
  bilibili: 'https://player.bilibili.com',
} as const

export const VIDEO_EMBED_ORIGINS = Object.values(VIDEO_EMBED_ORIGIN)

'use client'

import { useSyncExternalStore, useState } from 'react'
import { PlayIcon } from '../icons'

export interface VideoSource {
  provider: 'youtube' | 'bilibili'
  name: string
  embedUrl: string
  pageUrl: string
}

interface VideoPlayerProps {
  sources: VideoSource[]
  title: string
  duration: number | undefined
}

function subscribeOnline(onChange: () => void) {
  window.addEventListener('online', onChange)
  window.addEventListener('offline', onChange)
  return () => {
    window.removeEventListener('online', onChange)
    window.removeEventListener('offline', onChange)
  }
}

/** The facade and, once the reader presses play, the provider's player in an iframe. */
export function VideoPlayer({ sources, title, duration }: VideoPlayerProps) {
  const [chosen, setChosen] = useState(0)
  const [playing, setPlaying] = useState(false)
  const online = useSyncExternalStore(
    subscribeOnline,
    () => navigator.onLine,
    () => true,
  )
  const source = sources[chosen]
  if (!source) return null

  return (
    <div className="video-frame">
      {playing ? (
        <iframe
          src={source.embedUrl}
          title={`${title}（${source.name}）`}
          allow="autoplay; encrypted-media; picture-in-picture; fullscreen"
          allowFullScreen
          referrerPolicy="strict-origin-when-cross-origin"
          className="absolute inset-0 h-full w-full border-0"
        />
      ) : (
        <div className="video-facade">
          <p className="video-title">{title}</p>
          <button type="button" className="video-play" onClick={() => setPlaying(true)}>
            <PlayIcon width={28} height={28} />
            <span>{`在 ${source.name} 播放`}</span>
            {duration ? <span className="text-sm opacity-80">{`${duration} 分钟`}</span> : null}
          </button>
          {sources.length > 1 && (
            <div role="group" aria-label="视频来源" className="video-providers">
              {sources.map((candidate, index) => (
                <button
                  key={candidate.provider}
                  type="button"
                  aria-pressed={index === chosen}
                  onClick={() => setChosen(index)}
                  className="video-provider"
                >
                  {candidate.name}
                </button>
              ))}
            </div>
          )}
          <p className="video-note" role={online ? undefined : 'status'}>
            {online ? '点击播放后才会连接视频网站。' : '你现在离线：视频需要网络，联网后才能播放。'}
          </p>
        </div>
      )}
    </div>
  )
}

'use client'

import { useEffect, useState } from 'react'

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? ''

type State =
  | { kind: 'unavailable' }
  | { kind: 'idle'; bytes: number; failed?: string }
  | { kind: 'saving'; done: number; total: number }
  | { kind: 'saved'; bytes: number }

interface WorkerReply {
  course: string
  type: 'status' | 'progress' | 'saved' | 'failed'
  saved?: boolean
  done?: number
  total?: number
  bytes?: number
  message?: string
}

export function formatMegabytes(bytes: number): string {
  return `${(bytes / 1024 / 1024).toFixed(1)} MB`
}

/**
 * "保存整门课程以便离线阅读" on a course home: shows the size first, then saves the course's
 * pages, images, fonts and search index through the service worker with a progress bar, and
 * can remove them again. Without a service worker (first visit, dev, old browsers) it stays away.
 */
export function SaveCourse({ course }: { course: string }) {
  const [state, setState] = useState<State>({ kind: 'unavailable' })
  const [worker, setWorker] = useState<ServiceWorker | null>(null)

  useEffect(() => {
    if (!('serviceWorker' in navigator) || !('caches' in window)) return
    let cancelled = false
    let bytes = 0
    const onMessage = (event: MessageEvent<WorkerReply>) => {
      const reply = event.data
      if (cancelled || reply?.course !== course) return
      if (reply.type === 'status')
        setState(reply.saved ? { kind: 'saved', bytes } : { kind: 'idle', bytes })
      else if (reply.type === 'progress')
        setState({ kind: 'saving', done: reply.done ?? 0, total: reply.total ?? bytes })
      else if (reply.type === 'saved') setState({ kind: 'saved', bytes: reply.bytes ?? bytes })
      else setState({ kind: 'idle', bytes, failed: reply.message })
    }
    navigator.serviceWorker.addEventListener('message', onMessage)
    void (async () => {
      const registration = await navigator.serviceWorker.ready
      const list = await fetch(`${basePath}/offline/${course}.json`).then((r) => r.json())
      bytes = (list as { bytes: number }).bytes
      if (cancelled || !registration.active) return
      setWorker(registration.active)
      registration.active.postMessage({ type: 'course-status', course })
    })().catch(() => undefined)
    return () => {
      cancelled = true
      navigator.serviceWorker.removeEventListener('message', onMessage)
    }
  }, [course])

  if (state.kind === 'unavailable' || !worker) return null
  const send = (type: string) => worker.postMessage({ type, course })
  return (
    <section className="save-course" aria-label="离线阅读" data-pagefind-ignore="all">
      {state.kind === 'idle' && (
        <>
          <button type="button" onClick={() => send('save-course')}>
            保存整门课程以便离线阅读
          </button>
          <span>{`约 ${formatMegabytes(state.bytes)}：页面、图片、字体和搜索索引`}</span>
          {state.failed && <p role="alert">{`保存没有完成：${state.failed}`}</p>}
        </>
      )}
      {state.kind === 'saving' && (
        <>
          <progress aria-label="正在保存课程" value={state.done} max={state.total} />
          <span>{`${formatMegabytes(state.done)} / ${formatMegabytes(state.total)}`}</span>
        </>
      )}
      {state.kind === 'saved' && (
        <>
          <span role="status">{`已保存整门课程（${formatMegabytes(state.bytes)}），离线也能阅读和搜索`}</span>
          <button type="button" onClick={() => send('remove-course')}>
            移除离线副本
          </button>
        </>
      )}
    </section>
  )
}

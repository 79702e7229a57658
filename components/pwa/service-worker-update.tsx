'use client'

import { useEffect, useState } from 'react'

const basePath = process.env.NEXT_PUBLIC_BASE_PATH ?? ''

/**
 * Registers the service worker (out/sw.js, written by postbuild) once the page has loaded, so
 * it costs the first visit no blocking time, and offers a new deploy when one has installed:
 * the reader chooses when to switch, and the page reloads into the new version whole.
 */
export function ServiceWorkerUpdate() {
  const [waiting, setWaiting] = useState<ServiceWorker | null>(null)

  useEffect(() => {
    if (process.env.NODE_ENV !== 'production' || !('serviceWorker' in navigator)) return
    const container = navigator.serviceWorker
    const offer = (worker: ServiceWorker | null) => {
      if (worker && container.controller) setWaiting(worker)
    }
    const register = async () => {
      const registration = await container.register(`${basePath}/sw.js`, { scope: `${basePath}/` })
      const follow = (worker: ServiceWorker | null) =>
        worker?.addEventListener('statechange', () => {
          if (worker.state === 'installed') offer(worker)
        })
      offer(registration.waiting)
      follow(registration.installing)
      registration.addEventListener('updatefound', () => follow(registration.installing))
    }
    // A page that had a worker sees its controller change only when a reader accepted the new
    // version (here or in another tab): it reloads into that version whole. A first visit's
    // worker taking control of the page (clients.claim) changes nothing the reader sees.
    const updating = container.controller !== null
    let reloading = false
    const reload = () => {
      if (!updating || reloading) return
      reloading = true
      window.location.reload()
    }
    container.addEventListener('controllerchange', reload)
    const start = () => void register().catch(() => undefined)
    if (document.readyState === 'complete') start()
    else window.addEventListener('load', start, { once: true })
    return () => container.removeEventListener('controllerchange', reload)
  }, [])

  if (!waiting) return null
  return (
    <div role="status" className="sw-update" data-pagefind-ignore="all">
      <span>网站已更新。</span>
      <button type="button" onClick={() => waiting.postMessage({ type: 'skip-waiting' })}>
        有新版本，刷新
      </button>
    </div>
  )
}

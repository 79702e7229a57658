/**
 * The site's service worker. Postbuild writes it to out/sw.js, preceded by its configuration:
 *   self.SW_CONFIG = { version, basePath, offlinePage, shell: [urls] }
 *
 * Every cache is named after the export's version, and a worker uses only its own version's
 * caches, so a page and the scripts it loads always come from one build. A new deploy installs
 * beside the old one (saving again, in the new version, each course the reader had saved and
 * each page they had visited) and waits until the reader accepts "有新版本，刷新"; then the old
 * version's caches go.
 *
 * Pages: network first, falling back to the saved copy, then to the offline page. Files whose
 * URL changes with their content (_next/static), fonts, images and the search index: the saved
 * copy first. Whatever the reader loads is kept in the version's "visited" cache.
 */
const CONFIG = self.SW_CONFIG
const PREFIX = `course-site${CONFIG.basePath}:`
const CURRENT = `${PREFIX}${CONFIG.version}:`
const SHELL = `${CURRENT}shell`
const VISITED = `${CURRENT}visited`
const COURSE = `${CURRENT}course:`

const listUrl = (course) => `${CONFIG.basePath}/offline/${course}.json`

async function ownCaches() {
  const names = (await caches.keys()).filter((name) => name.startsWith(CURRENT))
  return Promise.all(names.map((name) => caches.open(name)))
}

async function fromCache(request) {
  for (const cache of await ownCaches()) {
    // Queries carry no content here: pagefind adds ?ts=<time> to its entry file.
    const hit = await cache.match(request, { ignoreSearch: true })
    if (hit) return hit
  }
  return undefined
}

/** Fetches a course's files into a fresh cache, reporting progress; removes it on failure. */
async function saveCourse(course, report = () => {}) {
  const response = await fetch(listUrl(course), { cache: 'no-store' })
  if (!response.ok) throw new Error(`${listUrl(course)}: HTTP ${response.status}`)
  const list = await response.json()
  const name = `${COURSE}${course}`
  const cache = await caches.open(name)
  let done = 0
  try {
    for (const file of list.files) {
      if (!(await cache.match(file.url))) {
        const fetched = await fetch(file.url, { cache: 'no-cache' })
        if (!fetched.ok) throw new Error(`${file.url}: HTTP ${fetched.status}`)
        await cache.put(file.url, fetched)
      }
      done += file.bytes
      report(done, list.bytes)
    }
  } catch (error) {
    await caches.delete(name)
    throw error
  }
  return list.bytes
}

/** The pages the reader visited under older versions of this site. */
async function visitedBefore() {
  const pages = new Set()
  for (const name of await caches.keys()) {
    if (!name.startsWith(PREFIX) || name.startsWith(CURRENT) || !name.endsWith(':visited')) continue
    for (const request of await (await caches.open(name)).keys()) {
      const { pathname } = new URL(request.url)
      if (pathname.endsWith('/') || pathname.endsWith('.html')) pages.add(request.url)
    }
  }
  return [...pages]
}

/**
 * Fetches the new version of each page visited before, so an update does not take them away
 * offline; their styles and scripts are the shell's. A page that fails stays behind: best effort.
 */
async function keepVisited() {
  const visited = await caches.open(VISITED)
  for (const url of await visitedBefore()) {
    try {
      const response = await fetch(url, { cache: 'no-cache' })
      if (response.ok) await visited.put(url, response)
    } catch {
      // Offline or gone: the reader sees the offline page for it, as for a page never visited.
    }
  }
}

/** The courses saved by any version of this site (so a new version saves them again). */
async function savedCourses() {
  const saved = new Set()
  for (const name of await caches.keys()) {
    const match = name.startsWith(PREFIX) && /:course:(.+)$/.exec(name)
    if (match) saved.add(match[1])
  }
  return [...saved]
}

self.addEventListener('install', (event) => {
  event.waitUntil(
    (async () => {
      const shell = await caches.open(SHELL)
      await shell.addAll(CONFIG.shell)
      for (const course of await savedCourses()) await saveCourse(course)
      await keepVisited()
    })(),
  )
})

self.addEventListener('activate', (event) => {
  event.waitUntil(
    (async () => {
      for (const name of await caches.keys())
        if (name.startsWith(PREFIX) && !name.startsWith(CURRENT)) await caches.delete(name)
      await self.clients.claim()
    })(),
  )
})

async function keep(request, response) {
  if (response.ok && response.type === 'basic')
    await (await caches.open(VISITED)).put(request, response.clone())
  return response
}

async function page(request) {
  try {
    return await keep(request, await fetch(request))
  } catch {
    return (
      (await fromCache(request)) ??
      (await caches.match(CONFIG.offlinePage, { cacheName: SHELL })) ??
      Response.error()
    )
  }
}

async function file(request) {
  return (await fromCache(request)) ?? keep(request, await fetch(request))
}

self.addEventListener('fetch', (event) => {
  const { request } = event
  const url = new URL(request.url)
  if (request.method !== 'GET' || url.origin !== self.location.origin) return
  if (!url.pathname.startsWith(`${CONFIG.basePath}/`)) return
  if (request.mode === 'navigate') event.respondWith(page(request))
  // RSC payloads of client-side navigation: when they fail offline, Next.js loads the page
  // itself, which comes from the cache above.
  else if (url.searchParams.has('_rsc')) return
  else event.respondWith(file(request))
})

async function courseStatus(course) {
  const cache = await caches.open(`${COURSE}${course}`)
  const keys = await cache.keys()
  return { saved: keys.length > 0 }
}

self.addEventListener('message', (event) => {
  const { type, course } = event.data ?? {}
  const reply = (message) => event.source?.postMessage({ course, ...message })
  if (type === 'skip-waiting') self.skipWaiting()
  else if (type === 'course-status')
    event.waitUntil(courseStatus(course).then((status) => reply({ type: 'status', ...status })))
  else if (type === 'save-course')
    event.waitUntil(
      saveCourse(course, (done, total) => reply({ type: 'progress', done, total })).then(
        (bytes) => reply({ type: 'saved', bytes }),
        (error) => reply({ type: 'failed', message: String(error?.message ?? error) }),
      ),
    )
  else if (type === 'remove-course')
    event.waitUntil(
      caches.delete(`${COURSE}${course}`).then(() => reply({ type: 'status', saved: false })),
    )
})

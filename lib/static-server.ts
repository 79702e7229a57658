import fs from 'node:fs'
import http from 'node:http'
import path from 'node:path'
import zlib from 'node:zlib'
import { contentTypeOf } from './content-types.ts'

/**
 * Serves an exported site exactly as a static host does (GitHub Pages, nginx): files from the
 * folder under an optional base path, `dir/` → `dir/index.html`, `/dir` → redirect to `/dir/`,
 * unknown URLs → `404.html` with status 404, gzip when the client accepts it, and the cache
 * headers a host should send (hashed `_next/static` immutable, HTML revalidated).
 * Used by `npm run preview`, the browser tests and the benchmark.
 */

const COMPRESSIBLE = /^(?:text\/|application\/(?:json|xml|wasm)|image\/svg)/

export interface StaticServerOptions {
  root: string
  /** e.g. `/course-site`; requests outside it get the 404 page. */
  basePath?: string
  port?: number
  host?: string
  gzip?: boolean
}

export interface RunningServer {
  url: string
  port: number
  close(): Promise<void>
}

function resolveFile(root: string, urlPath: string): string | undefined {
  let decoded: string
  try {
    decoded = decodeURIComponent(urlPath)
  } catch {
    return undefined
  }
  const candidate = path.join(root, decoded)
  if (candidate !== root && !candidate.startsWith(root + path.sep)) return undefined
  if (fs.existsSync(candidate) && fs.statSync(candidate).isFile()) return candidate
  return undefined
}

export function startStaticServer(options: StaticServerOptions): Promise<RunningServer> {
  const root = path.resolve(options.root)
  const basePath = options.basePath ?? ''
  const notFoundPage = path.join(root, '404.html')

  const send = (
    request: http.IncomingMessage,
    response: http.ServerResponse,
    file: string,
    status = 200,
  ) => {
    const extension = path.extname(file).toLowerCase()
    const type = contentTypeOf(extension)
    const relative = path.relative(root, file)
    const cache = relative.startsWith(`_next${path.sep}static`)
      ? 'public, max-age=31536000, immutable'
      : 'public, max-age=0, must-revalidate'
    let body = fs.readFileSync(file)
    const headers: http.OutgoingHttpHeaders = { 'content-type': type, 'cache-control': cache }
    if (
      options.gzip &&
      COMPRESSIBLE.test(type) &&
      /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''))
    ) {
      body = zlib.gzipSync(body, { level: 9 })
      headers['content-encoding'] = 'gzip'
      headers.vary = 'Accept-Encoding'
    }
    headers['content-length'] = body.length
    response.writeHead(status, headers)
    response.end(request.method === 'HEAD' ? undefined : body)
  }

  const notFound = (request: http.IncomingMessage, response: http.ServerResponse) => {
    if (fs.existsSync(notFoundPage)) send(request, response, notFoundPage, 404)
    else {
      response.writeHead(404, { 'content-type': 'text/plain; charset=utf-8' })
      response.end('404 Not Found')
    }
  }

  const server = http.createServer((request, response) => {
    const url = new URL(request.url ?? '/', 'http://localhost')
    let pathname = url.pathname
    if (basePath) {
      if (pathname === basePath) {
        response.writeHead(301, { location: `${basePath}/${url.search}` })
        response.end()
        return
      }
      if (!pathname.startsWith(`${basePath}/`)) return notFound(request, response)
      pathname = pathname.slice(basePath.length)
    }
    const direct = pathname.endsWith('/')
      ? resolveFile(root, `${pathname}index.html`)
      : resolveFile(root, pathname)
    if (direct) return send(request, response, direct)
    // `/x` where `/x/index.html` exists: redirect to the trailing-slash URL, as static hosts do.
    if (!pathname.endsWith('/') && resolveFile(root, `${pathname}/index.html`)) {
      response.writeHead(301, { location: `${basePath}${pathname}/${url.search}` })
      response.end()
      return
    }
    notFound(request, response)
  })

  return new Promise((resolve, reject) => {
    server.once('error', reject)
    server.listen(options.port ?? 0, options.host ?? '127.0.0.1', () => {
      const address = server.address()
      const port = typeof address === 'object' && address ? address.port : 0
      resolve({
        url: `http://${options.host ?? '127.0.0.1'}:${port}${basePath}`,
        port,
        close: () => new Promise((done) => server.close(() => done())),
      })
    })
  })
}

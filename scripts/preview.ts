/**
 * `npm run preview`: serves out/ exactly as a static host would, under the base path it was
 * built with (`BASE_PATH=/course-site npm run build` → http://localhost:3000/course-site/),
 * with the 404 page for unknown URLs and gzip like a real host.
 */
import { exportedBasePath, OUT_DIR } from '../lib/export-info.ts'
import { startStaticServer } from '../lib/static-server.ts'

const port = Number(process.env.PORT ?? 3000)
const basePath = exportedBasePath()
const server = await startStaticServer({
  root: OUT_DIR,
  basePath,
  port,
  host: process.env.HOST ?? '127.0.0.1',
  gzip: true,
})
console.log(`Serving out/ at ${server.url}/ (Ctrl+C to stop)`)

import type { Metadata } from 'next'
import Link from 'next/link'
import { getSite } from '@/lib/content'

export const metadata: Metadata = {
  title: '离线',
  robots: { index: false },
}

/**
 * What the service worker shows for a page it never saved while the reader is offline
 * (out/offline/index.html, kept in every version's cache).
 */
export default function OfflinePage() {
  const site = getSite()
  return (
    <div className="max-w-3xl">
      <h1 className="text-3xl font-bold">你现在离线，这一页还没有保存</h1>
      <p className="mt-4 text-[var(--muted-fg)]">
        离线时能读的是：读过的页面，以及在课程首页选择“保存整门课程以便离线阅读”的课程，包括其中的图片、公式和搜索。
        视频需要网络。恢复联网后，重新打开这一页即可阅读。
      </p>
      <h2 className="mt-8 text-xl font-semibold">课程</h2>
      <ul className="mt-3 grid gap-2">
        {site.courses.map((course) => (
          <li key={course.slug}>
            <Link prefetch={false} href={course.path} className="underline">
              {course.title}
            </Link>
          </li>
        ))}
      </ul>
    </div>
  )
}

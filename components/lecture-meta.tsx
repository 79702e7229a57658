import Link from 'next/link'
import type { Course, Lecture } from '@/lib/content'
import { absoluteUrl } from '@/lib/site-config'
import { Paper } from './mdx/paper'
import { Video } from './mdx/video'
import { MarkComplete } from './progress/mark-complete'
import { RepositoryLinks } from './repository-links'

interface LectureMetaProps {
  course: Course
  lecture: Lecture
  /** ISO date of the last change, from git; absent when history cannot tell. */
  updated: string | undefined
}

const dateFormat = new Intl.DateTimeFormat('zh-CN', {
  year: 'numeric',
  month: 'long',
  day: 'numeric',
  timeZone: 'UTC',
})

/** What a reader wants before starting: time, video, what they will learn, what to read first. */
export function LectureMeta({ course, lecture, updated }: LectureMetaProps) {
  const facts: { label: string; value: string }[] = [
    { label: '阅读', value: `约 ${lecture.readingMinutes} 分钟` },
    ...(lecture.duration ? [{ label: '视频', value: `${lecture.duration} 分钟` }] : []),
    ...(lecture.exercises.length > 0
      ? [{ label: '练习', value: `${lecture.exercises.length} 道` }]
      : []),
  ]
  const { video } = lecture
  return (
    <section
      aria-label="讲义信息"
      className="lecture-meta not-prose mb-10 space-y-5"
      data-pagefind-ignore="all"
    >
      <dl className="flex flex-wrap gap-x-6 gap-y-1 text-sm">
        {facts.map((fact) => (
          <div key={fact.label} className="flex gap-1.5">
            <dt className="text-[var(--muted-fg)]">{fact.label}</dt>
            <dd className="font-medium">{fact.value}</dd>
          </div>
        ))}
        {lecture.prerequisites.length > 0 && (
          <div className="flex flex-wrap gap-1.5">
            <dt className="text-[var(--muted-fg)]">先修</dt>
            {lecture.prerequisites.map((prerequisite) => (
              <dd key={prerequisite.slug}>
                <Link
                  href={prerequisite.path}
                  prefetch={false}
                  className="font-medium underline underline-offset-2"
                >
                  {`第 ${prerequisite.number} ${course.unit} ${prerequisite.title}`}
                </Link>
              </dd>
            ))}
          </div>
        )}
        {lecture.labs.length > 0 && (
          <div className="flex flex-wrap gap-1.5" data-lecture-labs>
            <dt className="text-[var(--muted-fg)]">实践</dt>
            {lecture.labs.map((lab) => (
              <dd key={lab.id}>
                <Link
                  href={lab.path}
                  prefetch={false}
                  className="font-medium underline underline-offset-2"
                >
                  {lab.title}
                </Link>
                {'（'}
                {lab.parts.map((part, index) => (
                  <span key={part.id}>
                    {index > 0 && ' '}
                    <Link
                      href={part.path}
                      prefetch={false}
                      className="underline underline-offset-2"
                      title={part.title}
                    >
                      {part.id.toUpperCase()}
                    </Link>
                  </span>
                ))}
                {'）'}
              </dd>
            ))}
          </div>
        )}
        {updated && (
          <div className="flex gap-1.5">
            <dt className="text-[var(--muted-fg)]">更新</dt>
            <dd>
              <time dateTime={updated}>{dateFormat.format(new Date(updated))}</time>
            </dd>
          </div>
        )}
      </dl>
      <div className="no-print flex flex-wrap items-center gap-3 text-sm">
        {course.kind !== 'guide' && <MarkComplete course={course.slug} lecture={lecture.slug} />}
        <RepositoryLinks
          repository={course.repository}
          branch={course.branch}
          contentPath={lecture.contentPath}
          title={`${course.title} · 第 ${lecture.number} ${course.unit} ${lecture.title}`}
          url={absoluteUrl(lecture.path)}
        />
      </div>

      {video && (video.youtube || video.bilibili) ? (
        <Video
          youtube={video.youtube}
          bilibili={video.bilibili?.bvid}
          part={video.bilibili?.part}
          start={video.start}
          link={video.link}
          title={`${lecture.title} · 讲座视频`}
          duration={lecture.duration}
          language={course.language}
        />
      ) : (
        video?.link && (
          <p className="text-sm">
            <a href={video.link} rel="noopener" className="underline underline-offset-2">
              官方讲座视频页面
            </a>
          </p>
        )
      )}

      {lecture.objectives.length > 0 && (
        <div className="rounded-lg border border-[var(--border)] p-4">
          <p className="mb-2 font-semibold">学完本讲，你将能够</p>
          <ul className="list-disc space-y-1 pl-5">
            {lecture.objectives.map((objective) => (
              <li key={objective}>{objective}</li>
            ))}
          </ul>
        </div>
      )}

      {lecture.readings.length > 0 && (
        <div>
          <p className="mb-2 font-semibold">阅读材料</p>
          <div className="grid gap-3">
            {lecture.readings.map((reading) => (
              <Paper key={reading.title} {...reading} />
            ))}
          </div>
        </div>
      )}
    </section>
  )
}

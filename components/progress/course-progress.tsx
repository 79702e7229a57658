'use client'

import Link from 'next/link'
import { useRef, useState } from 'react'
import {
  completedAmong,
  continueAt,
  exportProgress,
  importProgress,
  withoutCourse,
} from '@/lib/progress/store'
import { useProgress, writeProgress } from './use-progress'

export interface ProgressLecture {
  slug: string
  title: string
  number: number
  path: string
}

interface CourseProgressProps {
  course: string
  unit: string
  lectures: ProgressLecture[]
  stages: { title: string; lectures: string[] }[]
  /** `full` on the course home (stages, export/import/reset); `compact` in the catalog. */
  variant?: 'full' | 'compact'
}

/** Progress through one course, and where to continue. Empty until the reader has started. */
export function CourseProgress({
  course,
  unit,
  lectures,
  stages,
  variant = 'full',
}: CourseProgressProps) {
  const [progress] = useProgress()
  const [message, setMessage] = useState('')
  const fileInput = useRef<HTMLInputElement>(null)
  const done = completedAmong(
    progress,
    course,
    lectures.map((lecture) => lecture.slug),
  )
  const at = continueAt(progress, course, lectures)
  const percent = lectures.length === 0 ? 0 : Math.round((done.length / lectures.length) * 100)
  const started = done.length > 0 || at !== undefined

  const download = () => {
    const blob = new Blob([exportProgress(progress)], { type: 'application/json' })
    const link = document.createElement('a')
    link.href = URL.createObjectURL(blob)
    link.download = `学习进度-${new Date().toISOString().slice(0, 10)}.json`
    link.click()
    URL.revokeObjectURL(link.href)
    setMessage('已导出学习进度文件。')
  }
  const upload = async (file: File | undefined) => {
    if (!file) return
    try {
      writeProgress(importProgress(await file.text()))
      setMessage('已导入学习进度。')
    } catch (error) {
      setMessage(error instanceof Error ? error.message : '导入失败。')
    }
  }
  const reset = () => {
    if (window.confirm('清除这门课保存在这个浏览器里的学习进度？其他课程的进度不受影响。')) {
      writeProgress(withoutCourse(progress, course))
      setMessage('这门课的学习进度已清除。')
    }
  }

  return (
    <section
      aria-label="学习进度"
      className={variant === 'full' ? 'progress-panel no-print' : 'progress-compact no-print'}
      data-progress={course}
      data-pagefind-ignore="all"
    >
      {variant === 'full' && <h2 className="text-lg font-semibold">我的进度</h2>}
      <div className="flex flex-wrap items-center gap-x-4 gap-y-1">
        <progress
          className="progress-bar"
          max={lectures.length}
          value={done.length}
          aria-label={`已完成 ${done.length} / ${lectures.length} ${unit}`}
        />
        <span
          className="text-sm"
          data-progress-count
        >{`已完成 ${done.length} / ${lectures.length} ${unit}（${percent}%）`}</span>
      </div>
      {at && (
        <p className="mt-2 text-sm" data-continue>
          {at.resumed ? '继续上次的位置：' : '下一步：'}
          <Link
            href={at.href}
            prefetch={false}
            className="font-medium underline underline-offset-2"
          >
            {`第 ${at.lecture.number} ${unit} ${at.lecture.title}`}
          </Link>
        </p>
      )}
      {variant === 'full' && stages.length > 0 && (
        <ul className="mt-3 grid gap-1 text-sm">
          {stages.map((stage) => {
            const stageDone = completedAmong(progress, course, stage.lectures).length
            return (
              <li key={stage.title} className="flex items-center gap-3" data-stage-progress>
                <span className="min-w-0 flex-1 truncate">{stage.title}</span>
                <span className="tabular-nums text-[var(--muted-fg)]">{`${stageDone} / ${stage.lectures.length}`}</span>
              </li>
            )
          })}
        </ul>
      )}
      {variant === 'full' && (
        <div className="mt-4 flex flex-wrap gap-2">
          <button type="button" className="button-secondary" onClick={download}>
            导出进度
          </button>
          <button
            type="button"
            className="button-secondary"
            onClick={() => fileInput.current?.click()}
          >
            导入进度
          </button>
          <input
            ref={fileInput}
            type="file"
            accept="application/json,.json"
            className="sr-only"
            tabIndex={-1}
            aria-hidden="true"
            onChange={(event) => void upload(event.target.files?.[0])}
            data-progress-import
          />
          <button type="button" className="button-secondary" onClick={reset}>
            清除进度
          </button>
          <p role="status" className="w-full text-sm text-[var(--muted-fg)]">
            {message || '进度只保存在这个浏览器里，不会上传。'}
          </p>
        </div>
      )}
      {variant === 'compact' && !started && <p className="sr-only">尚未开始</p>}
    </section>
  )
}

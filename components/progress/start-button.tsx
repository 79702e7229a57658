'use client'

import Link from 'next/link'
import { continueAt } from '@/lib/progress/store'
import type { ProgressLecture } from './course-progress'
import { useProgress } from './use-progress'

interface StartButtonProps {
  course: string
  unit: string
  lectures: ProgressLecture[]
}

/**
 * The course home's main button: 从第 1 讲开始 in the static HTML and for a new reader, 继续第 N 讲
 * (to the place the reader left, or the first lecture not complete) once there is progress.
 */
export function StartButton({ course, unit, lectures }: StartButtonProps) {
  const [progress] = useProgress()
  const first = lectures[0]
  if (!first) return null
  const at = continueAt(progress, course, lectures)
  return (
    <Link
      prefetch={false}
      href={at ? at.href : first.path}
      className="button-primary no-print mt-6"
      data-start
    >
      {at ? `继续第 ${at.lecture.number} ${unit}` : `从第 ${first.number} ${unit}开始`}
    </Link>
  )
}

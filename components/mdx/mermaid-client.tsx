'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { fitDiagramSvg } from '@/lib/mdx/diagram-fit'

type Drawings = { light: string; dark: string }
type State =
  { kind: 'source' } | { kind: 'svg'; svg: Drawings } | { kind: 'error'; message: string }

/** Loads mermaid once, on the first diagram that needs it. */
let mermaidModule: Promise<typeof import('mermaid').default> | undefined
function loadMermaid() {
  mermaidModule ??= import('mermaid').then((module) => module.default)
  return mermaidModule
}

/** mermaid's settings are global: one drawing at a time, so each gets the theme it asked for. */
let drawing: Promise<unknown> = Promise.resolve()
function oneAtATime<T>(task: () => Promise<T>): Promise<T> {
  const run = drawing.then(task, task)
  drawing = run.catch(() => undefined)
  return run
}

/**
 * Draws a diagram with mermaid in the browser: the library is fetched only when the diagram
 * comes within a screen of the viewport, and runs at mermaid's strict security level. It is
 * drawn once in each theme's colours and CSS shows the current theme's (app/components.css), so
 * a theme switch needs no redraw and print, which is always light, gets dark text on white. A
 * syntax error shows mermaid's message beside the source, never a blank.
 */
export function MermaidClient({ chart }: { chart: string }) {
  const container = useRef<HTMLDivElement>(null)
  const id = useId().replace(/[^a-zA-Z0-9-]/g, '')
  const [visible, setVisible] = useState(false)
  const [state, setState] = useState<State>({ kind: 'source' })

  useEffect(() => {
    const element = container.current
    if (!element) return
    const observer = new IntersectionObserver(
      (entries) => {
        if (entries.some((entry) => entry.isIntersecting)) {
          setVisible(true)
          observer.disconnect()
        }
      },
      { rootMargin: '100% 0px' },
    )
    observer.observe(element)
    return () => observer.disconnect()
  }, [])

  useEffect(() => {
    if (!visible) return
    let cancelled = false
    const draw = async () => {
      const mermaid = await loadMermaid()
      const drawIn = (theme: 'default' | 'dark') =>
        oneAtATime(async () => {
          mermaid.initialize({
            startOnLoad: false,
            securityLevel: 'strict',
            theme,
            fontFamily: 'inherit',
          })
          const renderId = `mermaid-${id}-${theme}`
          try {
            const { svg } = await mermaid.render(renderId, chart)
            // mermaid's text is 16 px at natural size (its default theme).
            return fitDiagramSvg(svg, 16)
          } finally {
            // mermaid leaves its scratch element behind when parsing fails.
            document.getElementById(`d${renderId}`)?.remove()
          }
        })
      try {
        const light = await drawIn('default')
        const dark = await drawIn('dark')
        if (!cancelled) setState({ kind: 'svg', svg: { light, dark } })
      } catch (error) {
        if (!cancelled)
          setState({
            kind: 'error',
            message: error instanceof Error ? error.message : String(error),
          })
      }
    }
    void draw()
    return () => {
      cancelled = true
    }
  }, [visible, chart, id])

  return (
    <div
      ref={container}
      className="mermaid-diagram"
      data-state={state.kind}
      tabIndex={state.kind === 'svg' ? 0 : undefined}
      role={state.kind === 'svg' ? 'group' : undefined}
      aria-label={state.kind === 'svg' ? '图表' : undefined}
    >
      {state.kind === 'svg' && (
        <>
          <div data-diagram-theme="light" dangerouslySetInnerHTML={{ __html: state.svg.light }} />
          <div data-diagram-theme="dark" dangerouslySetInnerHTML={{ __html: state.svg.dark }} />
        </>
      )}
      {state.kind === 'error' && (
        <div role="alert" className="mermaid-error">
          <p className="font-semibold">图表无法绘制（Mermaid 语法错误）</p>
          <pre className="whitespace-pre-wrap text-sm">{state.message}</pre>
        </div>
      )}
      {state.kind !== 'svg' && (
        <pre className="mermaid-source" tabIndex={0} aria-label="图表源码">
          <code>{chart}</code>
        </pre>
      )}
    </div>
  )
}

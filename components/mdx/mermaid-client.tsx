'use client'

import { useEffect, useId, useRef, useState } from 'react'
import { fitDiagramSvg } from '@/lib/mdx/diagram-fit'

type State = { kind: 'source' } | { kind: 'svg'; svg: string } | { kind: 'error'; message: string }

/** Loads mermaid once, on the first diagram that needs it. */
let mermaidModule: Promise<typeof import('mermaid').default> | undefined
function loadMermaid() {
  mermaidModule ??= import('mermaid').then((module) => module.default)
  return mermaidModule
}

/**
 * Draws a diagram with mermaid in the browser: the library is fetched only when the diagram
 * comes within a screen of the viewport, runs at mermaid's strict security level, and redraws
 * on a theme switch. A syntax error shows mermaid's message beside the source, never a blank.
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
      const dark = document.documentElement.classList.contains('dark')
      mermaid.initialize({
        startOnLoad: false,
        securityLevel: 'strict',
        theme: dark ? 'dark' : 'default',
        fontFamily: 'inherit',
      })
      const renderId = `mermaid-${id}-${dark ? 'd' : 'l'}`
      try {
        const { svg } = await mermaid.render(renderId, chart)
        // mermaid's text is 16 px at natural size (its default theme).
        if (!cancelled) setState({ kind: 'svg', svg: fitDiagramSvg(svg, 16) })
      } catch (error) {
        // mermaid leaves its scratch element behind when parsing fails.
        document.getElementById(`d${renderId}`)?.remove()
        if (!cancelled)
          setState({
            kind: 'error',
            message: error instanceof Error ? error.message : String(error),
          })
      }
    }
    void draw()
    window.addEventListener('themechange', draw)
    return () => {
      cancelled = true
      window.removeEventListener('themechange', draw)
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
      {state.kind === 'svg' && <div dangerouslySetInnerHTML={{ __html: state.svg }} />}
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

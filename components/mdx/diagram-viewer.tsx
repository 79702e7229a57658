'use client'

import { useRef, useState, type KeyboardEvent, type PointerEvent, type WheelEvent } from 'react'
import { centred, fitView, panBy, zoomAt, type Size, type View } from '@/lib/diagram/zoom'

const STEP = 1.25
const PAN = 60

/**
 * Opens the diagram of the figure it sits in full screen, in a modal dialog: zoom with the
 * buttons, + and −, the wheel or two fingers; pan by dragging or with the arrow keys; 0 fits
 * the screen and 1 shows the natural size. Esc closes and returns focus to the button.
 */
export function DiagramViewer() {
  const opener = useRef<HTMLButtonElement>(null)
  const dialog = useRef<HTMLDialogElement>(null)
  const stage = useRef<HTMLDivElement>(null)
  const [view, setView] = useState<View>({ scale: 1, x: 0, y: 0 })
  const size = useRef<Size>({ width: 1, height: 1 })
  const pointers = useRef(new Map<number, { x: number; y: number }>())

  const viewport = (): Size => ({
    width: stage.current?.clientWidth ?? 1,
    height: stage.current?.clientHeight ?? 1,
  })

  const open = () => {
    const svg = opener.current?.closest('figure')?.querySelector('.mermaid-diagram svg')
    const target = stage.current?.firstElementChild
    if (!(svg instanceof SVGSVGElement) || !target || !dialog.current) return
    const box = svg.viewBox.baseVal
    size.current = { width: box.width || 1, height: box.height || 1 }
    const copy = svg.cloneNode(true) as SVGSVGElement
    copy.removeAttribute('style')
    copy.style.cssText = `${svg.style.cssText};width:${box.width}px;min-width:0;max-width:none;height:${box.height}px`
    copy.setAttribute('aria-hidden', 'true')
    target.replaceChildren(copy)
    dialog.current.showModal()
    setView(fitView(size.current, viewport()))
    stage.current?.focus()
  }

  const close = () => {
    dialog.current?.close()
  }

  const zoom = (factor: number, point?: { x: number; y: number }) => {
    const { width, height } = viewport()
    setView((current) => zoomAt(current, factor, point?.x ?? width / 2, point?.y ?? height / 2))
  }

  const local = (event: { clientX: number; clientY: number }) => {
    const rect = stage.current!.getBoundingClientRect()
    return { x: event.clientX - rect.left, y: event.clientY - rect.top }
  }

  const onKeyDown = (event: KeyboardEvent) => {
    const moves: Record<string, [number, number]> = {
      ArrowLeft: [PAN, 0],
      ArrowRight: [-PAN, 0],
      ArrowUp: [0, PAN],
      ArrowDown: [0, -PAN],
    }
    const move = moves[event.key]
    if (move) setView((current) => panBy(current, move[0], move[1]))
    else if (event.key === '+' || event.key === '=') zoom(STEP)
    else if (event.key === '-') zoom(1 / STEP)
    else if (event.key === '0') setView(fitView(size.current, viewport()))
    else if (event.key === '1') setView(centred(size.current, viewport(), 1))
    else return
    event.preventDefault()
  }

  const onPointerDown = (event: PointerEvent) => {
    stage.current?.setPointerCapture(event.pointerId)
    pointers.current.set(event.pointerId, local(event))
  }
  const onPointerMove = (event: PointerEvent) => {
    const previous = pointers.current.get(event.pointerId)
    if (!previous) return
    const point = local(event)
    const others = [...pointers.current].filter(([id]) => id !== event.pointerId)
    pointers.current.set(event.pointerId, point)
    if (others.length === 0) {
      setView((current) => panBy(current, point.x - previous.x, point.y - previous.y))
    } else {
      // Two fingers: scale by the change in their distance, about their midpoint.
      const other = others[0]![1]
      const before = Math.hypot(previous.x - other.x, previous.y - other.y)
      const after = Math.hypot(point.x - other.x, point.y - other.y)
      if (before > 0)
        zoom(after / before, { x: (point.x + other.x) / 2, y: (point.y + other.y) / 2 })
    }
  }
  const onPointerUp = (event: PointerEvent) => {
    pointers.current.delete(event.pointerId)
  }
  const onWheel = (event: WheelEvent) => {
    zoom(event.deltaY < 0 ? STEP : 1 / STEP, local(event))
  }

  return (
    <>
      <button
        ref={opener}
        type="button"
        className="diagram-open no-print"
        aria-haspopup="dialog"
        data-pagefind-ignore
        onClick={open}
      >
        全屏查看
      </button>
      <dialog
        ref={dialog}
        className="diagram-dialog"
        data-pagefind-ignore
        aria-label="图表（全屏）"
        onClose={() => opener.current?.focus()}
      >
        <div className="diagram-toolbar">
          <button type="button" onClick={() => zoom(STEP)} aria-label="放大">
            ＋
          </button>
          <button type="button" onClick={() => zoom(1 / STEP)} aria-label="缩小">
            －
          </button>
          <button type="button" onClick={() => setView(fitView(size.current, viewport()))}>
            适合屏幕
          </button>
          <button type="button" onClick={() => setView(centred(size.current, viewport(), 1))}>
            原始大小
          </button>
          <span className="diagram-zoom-level" aria-live="polite">
            {Math.round(view.scale * 100)}%
          </span>
          <button type="button" className="diagram-close" onClick={close}>
            关闭
          </button>
        </div>
        <div
          ref={stage}
          className="diagram-stage"
          tabIndex={0}
          role="group"
          aria-roledescription="可缩放的图表"
          aria-label="拖动或用方向键平移，用 + − 或双指缩放，0 适合屏幕，1 原始大小"
          onKeyDown={onKeyDown}
          onPointerDown={onPointerDown}
          onPointerMove={onPointerMove}
          onPointerUp={onPointerUp}
          onPointerCancel={onPointerUp}
          onWheel={onWheel}
        >
          <div
            className="diagram-canvas mermaid-diagram"
            style={{ transform: `translate(${view.x}px, ${view.y}px) scale(${view.scale})` }}
          />
        </div>
      </dialog>
    </>
  )
}

/**
 * The view of a diagram opened full screen: a scale and a translation of its top-left corner,
 * in screen pixels. Pure functions, so zoom and pan are tested apart from the pointer handling.
 */
export interface View {
  scale: number
  x: number
  y: number
}

export const MIN_SCALE = 0.1
export const MAX_SCALE = 8

function clamp(value: number, low: number, high: number): number {
  return Math.min(high, Math.max(low, value))
}

/** The whole diagram centred in the viewport, never enlarged past its natural size. */
export function fitView(content: Size, viewport: Size): View {
  const scale = clamp(
    Math.min(1, viewport.width / content.width, viewport.height / content.height),
    MIN_SCALE,
    MAX_SCALE,
  )
  return centred(content, viewport, scale)
}

export interface Size {
  width: number
  height: number
}

/** The diagram at `scale`, centred where it fits and from its top-left edge where it does not. */
export function centred(content: Size, viewport: Size, scale: number): View {
  return {
    scale,
    x: Math.max(0, (viewport.width - content.width * scale) / 2),
    y: Math.max(0, (viewport.height - content.height * scale) / 2),
  }
}

/** Zooms by `factor` keeping the diagram point under (px, py) where it is on screen. */
export function zoomAt(view: View, factor: number, px: number, py: number): View {
  const scale = clamp(view.scale * factor, MIN_SCALE, MAX_SCALE)
  const applied = scale / view.scale
  return { scale, x: px - (px - view.x) * applied, y: py - (py - view.y) * applied }
}

export function panBy(view: View, dx: number, dy: number): View {
  return { ...view, x: view.x + dx, y: view.y + dy }
}

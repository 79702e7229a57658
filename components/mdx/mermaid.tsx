import { DiagramViewer } from './diagram-viewer'
import { MermaidClient } from './mermaid-client'

interface MermaidProps {
  /** The diagram source. */
  chart: string
  caption?: string
  /** Declares a diagram that is wrong on purpose: its error box is expected. */
  broken?: boolean
  /** The SVG drawn at build time by the pipeline, when the diagram type allows it. */
  svg?: string
}

/**
 * A Mermaid diagram. Drawn at build time into the HTML when possible (no JavaScript at all);
 * otherwise drawn by mermaid in the browser as it nears the viewport, with its source shown
 * until then and whenever JavaScript is off.
 */
export function Mermaid({ chart, caption, broken, svg }: MermaidProps) {
  return (
    <figure
      className="mermaid-figure not-prose"
      data-mermaid={svg ? 'static' : 'client'}
      data-broken={broken ? '' : undefined}
    >
      {svg ? (
        <div
          className="mermaid-diagram"
          tabIndex={0}
          role="group"
          aria-label={caption ?? '图表'}
          dangerouslySetInnerHTML={{ __html: svg }}
        />
      ) : (
        <MermaidClient chart={chart} />
      )}
      {!broken && <DiagramViewer />}
      {caption && (
        <figcaption className="mt-2 text-center text-sm text-[var(--muted-fg)]">
          {caption}
        </figcaption>
      )}
    </figure>
  )
}

import type { ComponentProps } from 'react'

/** Markdown tables scroll sideways inside their own box on narrow screens. */
export function Table(props: ComponentProps<'table'>) {
  return (
    <div className="table-scroll" tabIndex={0} role="region" aria-label="表格">
      <table {...props} />
    </div>
  )
}

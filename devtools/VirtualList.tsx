import { useLayoutEffect, useRef, useState, type ReactNode } from 'react'

/** Lists up to this many rows render whole; longer ones render only the rows in view. */
export const VIRTUALIZE_OVER = 100
const OVERSCAN = 6

/**
 * A scrolling list of fixed-height rows. Over {@link VIRTUALIZE_OVER} rows it renders only those
 * in view (plus a few), so 10,000 entries cost as much as 30. The scroller is focusable, so the
 * keyboard scrolls it.
 */
export function VirtualList({
  count,
  rowHeight,
  label,
  renderRow,
}: {
  count: number
  rowHeight: number
  label: string
  renderRow: (index: number) => ReactNode
}): ReactNode {
  const scroller = useRef<HTMLDivElement>(null)
  const [scrollTop, setScrollTop] = useState(0)
  const [viewport, setViewport] = useState(600)
  const virtual = count > VIRTUALIZE_OVER

  useLayoutEffect(() => {
    const element = scroller.current
    if (element === null || !virtual) return
    setViewport(element.clientHeight || 600)
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(() => setViewport(element.clientHeight || 600))
    observer.observe(element)
    return () => observer.disconnect()
  }, [virtual])

  let start = 0
  let end = count
  if (virtual) {
    start = Math.max(0, Math.floor(scrollTop / rowHeight) - OVERSCAN)
    end = Math.min(count, Math.ceil((scrollTop + viewport) / rowHeight) + OVERSCAN)
  }
  const rows: ReactNode[] = []
  for (let index = start; index < end; index++) rows.push(renderRow(index))

  return (
    <div
      ref={scroller}
      className="scroll"
      tabIndex={0}
      role="group"
      aria-label={label}
      onScroll={virtual ? (event) => setScrollTop(event.currentTarget.scrollTop) : undefined}
    >
      <div
        className="rows"
        role="list"
        style={virtual ? { height: count * rowHeight, paddingTop: start * rowHeight } : undefined}
      >
        {rows}
      </div>
    </div>
  )
}

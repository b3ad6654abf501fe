import type { ReactNode } from 'react'

/** A tiny line chart of values in 0–1 (`null` gaps are skipped). Decorative: the number is shown beside it. */
export function Sparkline({
  values,
  width = 64,
  height = 16,
}: {
  values: readonly (number | null)[]
  width?: number
  height?: number
}): ReactNode {
  const points: string[] = []
  const step = values.length > 1 ? width / (values.length - 1) : 0
  values.forEach((value, index) => {
    if (value !== null) {
      points.push(`${(index * step).toFixed(1)},${(height - 1 - value * (height - 2)).toFixed(1)}`)
    }
  })
  return (
    <svg
      className="spark"
      width={width}
      height={height}
      aria-hidden="true"
      data-points={points.length}
    >
      {points.length > 1 && (
        <polyline points={points.join(' ')} fill="none" stroke="currentColor" strokeWidth="1.5" />
      )}
    </svg>
  )
}

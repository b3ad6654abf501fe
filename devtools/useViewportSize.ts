import { useState } from 'react'
import { useClientLayoutEffect } from './useClientLayoutEffect.js'

export interface ViewportSize {
  readonly width: number
  readonly height: number
}

/**
 * The window's inner size while `active`, kept up to date on `resize`; `null` until measured
 * (on the server, and in the first render of a hydration), so rendering never reads `window`.
 */
export function useViewportSize(active: boolean): ViewportSize | null {
  const [size, setSize] = useState<ViewportSize | null>(null)
  useClientLayoutEffect(() => {
    if (!active) return
    const measure = () =>
      setSize((previous) =>
        previous?.width === window.innerWidth && previous.height === window.innerHeight
          ? previous
          : { width: window.innerWidth, height: window.innerHeight },
      )
    measure()
    window.addEventListener('resize', measure)
    return () => window.removeEventListener('resize', measure)
  }, [active])
  return size
}

import { useState, type RefObject } from 'react'
import { useClientLayoutEffect } from './useClientLayoutEffect.js'

/** Below this width (px) the panel lays out for a phone (as its `@container panel` rules do). */
export const NARROW = 600

/** Whether `ref`'s element is narrower than {@link NARROW}, kept up to date as it resizes. */
export function useNarrow(ref: RefObject<HTMLElement | null>): boolean {
  const [narrow, setNarrow] = useState(false)
  useClientLayoutEffect(() => {
    const element = ref.current
    if (element === null) return
    const measure = () => setNarrow(element.clientWidth > 0 && element.clientWidth < NARROW)
    measure()
    if (typeof ResizeObserver === 'undefined') return
    const observer = new ResizeObserver(measure)
    observer.observe(element)
    return () => observer.disconnect()
  }, [ref])
  return narrow
}

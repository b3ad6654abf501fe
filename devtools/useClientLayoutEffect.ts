import { useEffect, useLayoutEffect } from 'react'

/**
 * `useLayoutEffect` in the browser (runs before paint, so a remembered setting shows without a
 * flash), `useEffect` where there is no DOM (server rendering, where React 18 warns about layout
 * effects). Neither runs during server rendering.
 */
export const useClientLayoutEffect = typeof document === 'undefined' ? useEffect : useLayoutEffect

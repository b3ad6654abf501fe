import { useClientLayoutEffect } from './useClientLayoutEffect.js'

/**
 * While `edge` is set, pads `document.body` on that edge by `size` px more than its own padding,
 * so the page can scroll its content clear of a panel docked there. The body's inline padding on
 * that edge is restored when `edge` becomes `null`, when `size` changes (then re-applied) and on
 * unmount.
 */
export function usePageSpace(edge: 'top' | 'bottom' | 'left' | 'right' | null, size: number): void {
  useClientLayoutEffect(() => {
    if (edge === null) return
    const style = document.body.style
    const property = `padding-${edge}`
    const inline = style.getPropertyValue(property)
    const priority = style.getPropertyPriority(property)
    const own = Number.parseFloat(getComputedStyle(document.body).getPropertyValue(property)) || 0
    style.setProperty(property, `${own + size}px`, priority)
    return () => {
      if (inline === '') style.removeProperty(property)
      else style.setProperty(property, inline, priority)
    }
  }, [edge, size])
}

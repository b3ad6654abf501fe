import type { KeyboardEvent } from 'react'

/**
 * The ARIA tabs pattern's keys on a tablist (automatic activation): Left/Right move to the
 * previous/next tab (wrapping), Home/End to the first/last. Selects the tab and focuses it;
 * other keys are left alone.
 */
export function onTabListKey(
  event: KeyboardEvent<HTMLElement>,
  selected: number,
  count: number,
  select: (index: number) => void,
): void {
  let next: number
  if (event.key === 'ArrowRight') next = (selected + 1) % count
  else if (event.key === 'ArrowLeft') next = (selected - 1 + count) % count
  else if (event.key === 'Home') next = 0
  else if (event.key === 'End') next = count - 1
  else return
  event.preventDefault()
  select(next)
  event.currentTarget.querySelectorAll<HTMLElement>('[role=tab]')[next]?.focus()
}

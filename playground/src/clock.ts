/**
 * One shared one-second clock for relative times ("used 3 s ago"). A component reads only what
 * it shows (a text, a count) through {@link useClock}, so a tick re-renders the few components
 * whose text changed, never the panel around them. The timer runs only while someone listens.
 */
import { useCallback, useSyncExternalStore } from 'react'

/** What the clock knows: how many times it has ticked, and the time of the last tick. */
export interface Tick {
  readonly count: number
  readonly now: number
}

const TICK_MS = 1000

let current: Tick = { count: 0, now: Date.now() }
const listeners = new Set<() => void>()
let timer: ReturnType<typeof setInterval> | undefined

function subscribe(listener: () => void): () => void {
  listeners.add(listener)
  if (timer === undefined) {
    current = { count: current.count, now: Date.now() }
    timer = setInterval(() => {
      current = { count: current.count + 1, now: Date.now() }
      for (const notify of [...listeners]) notify()
    }, TICK_MS)
  }
  return () => {
    listeners.delete(listener)
    if (listeners.size === 0 && timer !== undefined) {
      clearInterval(timer)
      timer = undefined
    }
  }
}

/**
 * `select(tick)`, re-read every tick; the component re-renders only when the selected value
 * changes (compared with `Object.is`), so select a string or a number, not an object.
 */
export function useClock<T>(select: (tick: Tick) => T): T {
  const read = useCallback(() => select(current), [select])
  return useSyncExternalStore(subscribe, read, read)
}

/** `'now'`, `'12 s ago'`, `'3 min ago'`. */
export function age(ms: number): string {
  if (ms < 1000) return 'now'
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s ago`
  return `${Math.floor(ms / 60_000)} min ago`
}

/** How long ago `at` (ms since the epoch) was, refreshed by the clock only when the text changes. */
export function Ago({ at }: { at: number }) {
  return useClock(useCallback((tick: Tick) => age(Math.max(0, tick.now - at)), [at]))
}

import type { SessionClock } from '../SessionClock.js'

/** A {@link SessionClock} whose time moves only when told, and the pending timers' count. */
export interface ManualClock extends SessionClock {
  /** Moves time forward by `ms` and runs every timer that has come due, in due order. */
  advance(ms: number): void
  /** Timers set and neither run nor cleared. */
  readonly pending: number
}

/**
 * A session clock for tests: time starts at `start` and moves only by {@link ManualClock.advance},
 * so timeouts (credentials, idle bodies) fire exactly when a test says, never by the wall clock.
 */
export function manualClock(start = 5_000): ManualClock {
  let time = start
  const timers = new Map<object, { at: number; callback: () => void }>()
  return {
    now: () => time,
    setTimeout: (callback, ms) => {
      const handle = {}
      timers.set(handle, { at: time + ms, callback })
      return handle
    },
    clearTimeout: (handle) => {
      timers.delete(handle as object)
    },
    advance(ms) {
      time += ms
      const due = [...timers].filter(([, timer]) => timer.at <= time)
      due.sort(([, a], [, b]) => a.at - b.at)
      for (const [handle, timer] of due) {
        if (timers.delete(handle)) timer.callback()
      }
    },
    get pending() {
      return timers.size
    },
  }
}

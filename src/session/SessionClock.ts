/**
 * The time a session reads: its caches' `now`, the `at` of its events, request durations,
 * credential expiry, and the timers of the credentials timeout and of idle response bodies. One
 * clock for the session and all its helpers, so a test can run all of them on fake time.
 *
 * @example
 * ```ts
 * let now = 0
 * const timers = new Set<() => void>()
 * const clock: SessionClock = {
 *   now: () => now,
 *   setTimeout: (callback) => (timers.add(callback), callback),
 *   clearTimeout: (handle) => timers.delete(handle as () => void),
 * }
 * const session = new Session({ clock })
 * ```
 */
export interface SessionClock {
  /** Milliseconds since the epoch. */
  now(): number
  /** Calls `callback` once after `ms`; returns a handle for `clearTimeout`. */
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/**
 * `Date.now`, `setTimeout` and `clearTimeout`, looked up when called (so test runners' fake timers
 * work). Timers do not keep Node alive (`unref`).
 * @internal
 */
export const systemClock: SessionClock = {
  now: () => Date.now(),
  setTimeout: (callback, ms) => {
    const timer = setTimeout(callback, ms) as { unref?: () => void }
    timer.unref?.()
    return timer
  },
  clearTimeout: (handle) => clearTimeout(handle as Parameters<typeof clearTimeout>[0]),
}

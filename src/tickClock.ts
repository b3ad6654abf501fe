let cached: number | undefined

function forget(): void {
  cached = undefined
}

/**
 * `Date.now()`, read at most once per microtask turn. A clock read costs 50 ns on some machines,
 * more than the rest of a cache hit, and everything done in one synchronous turn happens, for a
 * cache's `lastUsedAt`, at one instant. Looks `Date.now` up when it reads, so fake timers work
 * from the next turn on.
 * @internal
 */
export function tickClock(): number {
  if (cached === undefined) {
    cached = Date.now()
    queueMicrotask(forget)
  }
  return cached
}

import type { EvictReason } from '../types.js'

/**
 * Options of the low-level cache constructors (`new LRUClientCache(options)` and the others) and
 * of `createClientCache` / `createResourceCache`. Validated eagerly: an unknown option or a
 * value of the wrong type throws the side's base error naming it (`options.onEvict`, …).
 *
 * @example
 * ```ts
 * const cache = new LRUClientCache({
 *   maxSize: 30,
 *   onEvict: (client, key, reason) => {
 *     if (reason !== 'clear') client.destroy()
 *   },
 * })
 * ```
 */
export interface CacheConstructorOptions<K, V> {
  /** A positive safe integer; default 10. */
  maxSize?: number
  /**
   * Called once per entry that leaves the cache, after the cache is already consistent (the
   * entry is gone) and after its `evict` event. What it throws is reported (`reportError`, else
   * `console.error`) and never disturbs the cache or the caller.
   */
  onEvict?: (value: V, key: K, reason: EvictReason) => void
  /**
   * The clock for event times, `createdAt` and `lastUsedAt`, in ms since the epoch. Defaults to
   * `Date.now`, looked up at each call (so fake timers apply).
   */
  now?: () => number
}

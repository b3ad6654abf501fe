import { internals } from '../caches/CacheBase.js'
import { LFUClientCache } from '../caches/LFUClientCache.js'
import { LFUResourceCache } from '../caches/LFUResourceCache.js'
import { LRUClientCache } from '../caches/LRUClientCache.js'
import { LRUResourceCache } from '../caches/LRUResourceCache.js'
import type { CacheKey } from '../keys/CacheKey.js'
import type { EvictReason } from '../types.js'
import type { AnyCache } from './Built.js'
import type { SessionCache } from './SessionCache.js'

/**
 * A session's four caches, frozen (`cache.client.LRU` … `cache.resource.LFU`), each keeping the
 * entry statistics the session's snapshot reads. Every eviction, whatever the cache or reason,
 * goes to one `onEvict` with the cache it left.
 * @param now - the session's clock, or `undefined` for the caches' own (a cheap per-turn read)
 * @internal
 */
export function createSessionCaches(
  maxSize: number,
  now: (() => number) | undefined,
  onEvict: (cache: AnyCache, value: unknown, key: CacheKey, reason: EvictReason) => void,
): SessionCache {
  const made: AnyCache[] = []
  const make = <C extends AnyCache>(Class: new (options: object) => C): C => {
    let cache: C | undefined = undefined
    cache = new Class({
      maxSize,
      onEvict: (value: unknown, key: CacheKey, reason: EvictReason) =>
        onEvict(cache as C, value, key, reason),
      ...(now === undefined ? {} : { now }),
    })
    internals.keepStats(cache)
    made.push(cache)
    return cache
  }
  return Object.freeze({
    client: Object.freeze({ LRU: make(LRUClientCache), LFU: make(LFUClientCache) }),
    resource: Object.freeze({ LRU: make(LRUResourceCache), LFU: make(LFUResourceCache) }),
  })
}

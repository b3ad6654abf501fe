import { internals } from '../caches/CacheBase.js'
import type { AnyCache, Built } from './Built.js'
import type { CacheSnapshot } from './SessionSnapshot.js'

/**
 * One cache of a session as plain, secret-free JSON, in eviction order; request counts come from
 * what the session built (`built`), zero for values it did not build.
 * @internal
 */
export function cacheSnapshot(cache: AnyCache, built: WeakMap<object, Built>): CacheSnapshot {
  return {
    cacheType: cache.cacheType,
    evictionPolicy: cache.evictionPolicy,
    maxSize: cache.maxSize,
    size: cache.size,
    entries: internals.entryStats(cache).map((entry) => {
      const tracker = built.get(entry.value as object)?.tracker
      return {
        id: entry.key.id,
        label: entry.key.label,
        className: entry.key.className,
        region: entry.key.region,
        hits: entry.hits,
        frequency: entry.frequency,
        inFlight: tracker?.inFlight ?? 0,
        requests: tracker?.requests ?? 0,
        errors: tracker?.errors ?? 0,
        createdAt: entry.createdAt,
        lastUsedAt: entry.lastUsedAt,
      }
    }),
  }
}

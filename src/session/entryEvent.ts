import type { CacheKey } from '../keys/CacheKey.js'
import type { AnyCache } from './Built.js'

/** The fields of a session event about one entry of `cache`. @internal */
export function entryEvent<T extends 'miss' | 'dispose' | 'request' | 'response'>(
  type: T,
  key: CacheKey,
  cache: AnyCache,
  at: number,
) {
  return {
    type,
    at,
    cacheType: cache.cacheType,
    evictionPolicy: cache.evictionPolicy,
    keyId: key.id,
    label: key.label,
  }
}

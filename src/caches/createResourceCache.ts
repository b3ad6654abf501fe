import { ResourceCacheError } from '../errors.js'
import type { ResourceCacheKey } from '../keys/ResourceCacheKey.js'
import type { EvictionPolicy } from '../types.js'
import type { CacheConstructorOptions } from './CacheConstructorOptions.js'
import { LFUResourceCache } from './LFUResourceCache.js'
import { LRUResourceCache } from './LRUResourceCache.js'
import { validateEvictionPolicy } from './validateEvictionPolicy.js'

/**
 * A new resource cache for an eviction policy: {@link LRUResourceCache} for `'LRU'` (the
 * default), {@link LFUResourceCache} for `'LFU'`.
 *
 * @param policy - `'LRU'` or `'LFU'` (case sensitive)
 * @param options - as for the constructors: `maxSize`, `onEvict`, `now`
 * @throws {@link ResourceCacheError} (code `INVALID_EVICTION_POLICY`) for any other policy, or
 *   naming the option when `options` is invalid
 *
 * @example
 * ```ts
 * import { createResourceCache } from 'aws-client-cache'
 *
 * const cache = createResourceCache('LFU', { maxSize: 20 }) // LFUResourceCache
 * createResourceCache('MRU' as never) // throws ResourceCacheError: Invalid eviction policy …
 * ```
 */
export function createResourceCache<V = unknown>(
  policy: 'LFU',
  options?: CacheConstructorOptions<ResourceCacheKey, V>,
): LFUResourceCache<V>
export function createResourceCache<V = unknown>(
  policy?: 'LRU',
  options?: CacheConstructorOptions<ResourceCacheKey, V>,
): LRUResourceCache<V>
export function createResourceCache<V = unknown>(
  policy?: EvictionPolicy,
  options?: CacheConstructorOptions<ResourceCacheKey, V>,
): LRUResourceCache<V> | LFUResourceCache<V>
export function createResourceCache<V = unknown>(
  policy: EvictionPolicy = 'LRU',
  options?: CacheConstructorOptions<ResourceCacheKey, V>,
): LRUResourceCache<V> | LFUResourceCache<V> {
  return validateEvictionPolicy(policy, ResourceCacheError) === 'LFU'
    ? new LFUResourceCache<V>(options)
    : new LRUResourceCache<V>(options)
}

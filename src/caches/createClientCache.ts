import { ClientCacheError } from '../errors.js'
import type { ClientCacheKey } from '../keys/ClientCacheKey.js'
import type { AwsClientLike, EvictionPolicy } from '../types.js'
import type { CacheConstructorOptions } from './CacheConstructorOptions.js'
import { LFUClientCache } from './LFUClientCache.js'
import { LRUClientCache } from './LRUClientCache.js'
import { validateEvictionPolicy } from './validateEvictionPolicy.js'

/**
 * A new client cache for an eviction policy: {@link LRUClientCache} for `'LRU'` (the default),
 * {@link LFUClientCache} for `'LFU'`.
 *
 * @param policy - `'LRU'` or `'LFU'` (case sensitive)
 * @param options - as for the constructors: `maxSize`, `onEvict`, `now`
 * @throws {@link ClientCacheError} (code `INVALID_EVICTION_POLICY`) for any other policy, or
 *   naming the option when `options` is invalid
 *
 * @example
 * ```ts
 * import { createClientCache } from 'aws-client-cache'
 *
 * const lfu = createClientCache('LFU', { maxSize: 50 }) // LFUClientCache
 * const lru = createClientCache() // LRUClientCache, maxSize 10
 * createClientCache('lru' as never) // throws ClientCacheError: Invalid eviction policy …
 * ```
 */
export function createClientCache<V extends AwsClientLike = AwsClientLike>(
  policy: 'LFU',
  options?: CacheConstructorOptions<ClientCacheKey, V>,
): LFUClientCache<V>
export function createClientCache<V extends AwsClientLike = AwsClientLike>(
  policy?: 'LRU',
  options?: CacheConstructorOptions<ClientCacheKey, V>,
): LRUClientCache<V>
export function createClientCache<V extends AwsClientLike = AwsClientLike>(
  policy?: EvictionPolicy,
  options?: CacheConstructorOptions<ClientCacheKey, V>,
): LRUClientCache<V> | LFUClientCache<V>
export function createClientCache<V extends AwsClientLike = AwsClientLike>(
  policy: EvictionPolicy = 'LRU',
  options?: CacheConstructorOptions<ClientCacheKey, V>,
): LRUClientCache<V> | LFUClientCache<V> {
  return validateEvictionPolicy(policy, ClientCacheError) === 'LFU'
    ? new LFUClientCache<V>(options)
    : new LRUClientCache<V>(options)
}

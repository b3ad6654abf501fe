import type { ResourceCacheKey } from '../keys/ResourceCacheKey.js'
import { CacheBase } from './CacheBase.js'
import type { CacheConstructorOptions } from './CacheConstructorOptions.js'
import { resourceCacheSide } from './resourceCacheSide.js'

/**
 * A bounded cache of resources (objects built over a client, see `defineResource`) keyed by
 * {@link ResourceCacheKey}, evicting the least frequently used resource when full (among equal
 * frequencies, the least recently used). Values may be any non-null object or function.
 *
 * @typeParam V - the resource type it holds
 *
 * @example
 * ```ts
 * import { LFUResourceCache, ResourceCacheKey } from 'aws-client-cache'
 *
 * const cache = new LFUResourceCache({ maxSize: 100 })
 * const key = new ResourceCacheKey(documentClient, { region: 'us-east-1' })
 * cache.set(key, docs)
 * cache.getOrThrow(key) // docs; its frequency is now 2
 * cache.pop(key) // docs, removed (reason 'delete')
 * ```
 */
export class LFUResourceCache<V = unknown> extends CacheBase<
  ResourceCacheKey,
  V,
  'resource',
  'LFU'
> {
  /**
   * @param options - `maxSize` (default 10), `onEvict(resource, key, reason)`, `now` (clock)
   * @throws {@link ResourceCacheError} naming the option when `options` is invalid
   */
  constructor(options?: CacheConstructorOptions<ResourceCacheKey, V>) {
    super(options, resourceCacheSide, 'LFU')
  }
}

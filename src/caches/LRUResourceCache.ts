import type { ResourceCacheKey } from '../keys/ResourceCacheKey.js'
import { CacheBase } from './CacheBase.js'
import type { CacheConstructorOptions } from './CacheConstructorOptions.js'
import { resourceCacheSide } from './resourceCacheSide.js'

/**
 * A bounded cache of resources (objects built over a client, see `defineResource`) keyed by
 * {@link ResourceCacheKey}, evicting the least recently used resource when full. Values may be
 * any non-null object or function.
 *
 * @typeParam V - the resource type it holds
 *
 * @example
 * ```ts
 * import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
 * import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
 * import { defineResource, LRUResourceCache, ResourceCacheKey } from 'aws-client-cache'
 *
 * const documentClient = defineResource({
 *   name: 'DynamoDBDocumentClient',
 *   client: DynamoDBClient,
 *   create: (client) => DynamoDBDocumentClient.from(client),
 * })
 * const cache = new LRUResourceCache<DynamoDBDocumentClient>({ maxSize: 30 })
 * const config = { region: 'us-east-1' }
 * const key = new ResourceCacheKey(documentClient, config)
 * cache.set(key, DynamoDBDocumentClient.from(new DynamoDBClient(config)))
 * cache.get(new ResourceCacheKey(documentClient, { region: 'us-east-1' })) // the same resource
 * ```
 */
export class LRUResourceCache<V = unknown> extends CacheBase<
  ResourceCacheKey,
  V,
  'resource',
  'LRU'
> {
  /**
   * @param options - `maxSize` (default 10), `onEvict(resource, key, reason)`, `now` (clock)
   * @throws {@link ResourceCacheError} naming the option when `options` is invalid
   */
  constructor(options?: CacheConstructorOptions<ResourceCacheKey, V>) {
    super(options, resourceCacheSide, 'LRU')
  }
}

import type { ClientCacheKey } from '../keys/ClientCacheKey.js'
import type { AwsClientLike } from '../types.js'
import { CacheBase } from './CacheBase.js'
import type { CacheConstructorOptions } from './CacheConstructorOptions.js'
import { clientCacheSide } from './clientCacheSide.js'

/**
 * A bounded cache of AWS SDK v3 clients keyed by {@link ClientCacheKey}, evicting the least
 * recently used client when full. Values must be clients (objects with `send` and `destroy`).
 * The cache never calls `destroy()` itself: pass `onEvict` to dispose evicted clients.
 *
 * @typeParam V - the client type it holds
 *
 * @example
 * ```ts
 * import { EC2Client } from '@aws-sdk/client-ec2'
 * import { S3Client } from '@aws-sdk/client-s3'
 * import { ClientCacheKey, LRUClientCache } from 'aws-client-cache'
 *
 * const cache = new LRUClientCache({ maxSize: 30 })
 * const config = { region: 'us-west-2' }
 * const key = new ClientCacheKey(S3Client, config)
 * cache.set(key, new S3Client(config))
 * cache.get(new ClientCacheKey(S3Client, { region: 'us-west-2' })) // the same client
 *
 * cache.set(key, new S3Client(config)) // throws ClientCacheExistsError
 * cache.getOrThrow(new ClientCacheKey(EC2Client, config)) // throws ClientCacheNotFoundError
 * cache.get(new ClientCacheKey(EC2Client, config)) // undefined
 * ```
 */
export class LRUClientCache<V extends AwsClientLike = AwsClientLike> extends CacheBase<
  ClientCacheKey,
  V,
  'client',
  'LRU'
> {
  /**
   * @param options - `maxSize` (default 10), `onEvict(client, key, reason)`, `now` (clock)
   * @throws {@link ClientCacheError} naming the option when `options` is invalid
   */
  constructor(options?: CacheConstructorOptions<ClientCacheKey, V>) {
    super(options, clientCacheSide, 'LRU')
  }
}

import type { ClientCacheKey } from '../keys/ClientCacheKey.js'
import type { AwsClientLike } from '../types.js'
import { CacheBase } from './CacheBase.js'
import type { CacheConstructorOptions } from './CacheConstructorOptions.js'
import { clientCacheSide } from './clientCacheSide.js'

/**
 * A bounded cache of AWS SDK v3 clients keyed by {@link ClientCacheKey}, evicting the least
 * frequently used client when full (among equal frequencies, the least recently used). A new
 * entry has frequency 1; each `get` or `getOrThrow` adds 1. Values must be clients (objects with
 * `send` and `destroy`). The cache never calls `destroy()` itself: pass `onEvict` for that.
 *
 * @typeParam V - the client type it holds
 *
 * @example
 * ```ts
 * import { S3Client } from '@aws-sdk/client-s3'
 * import { ClientCacheKey, LFUClientCache } from 'aws-client-cache'
 *
 * const cache = new LFUClientCache({ maxSize: 2, onEvict: (client) => client.destroy() })
 * const east = new ClientCacheKey(S3Client, { region: 'us-east-1' })
 * const west = new ClientCacheKey(S3Client, { region: 'us-west-2' })
 * cache.set(east, new S3Client({ region: 'us-east-1' }))
 * cache.set(west, new S3Client({ region: 'us-west-2' }))
 * cache.get(east) // east: frequency 2, west: frequency 1
 * cache.set(new ClientCacheKey(S3Client, { region: 'eu-west-1' }), new S3Client({ region: 'eu-west-1' }))
 * cache.has(west) // false: it was the least frequently used
 * ```
 */
export class LFUClientCache<V extends AwsClientLike = AwsClientLike> extends CacheBase<
  ClientCacheKey,
  V,
  'client',
  'LFU'
> {
  /**
   * @param options - `maxSize` (default 10), `onEvict(client, key, reason)`, `now` (clock)
   * @throws {@link ClientCacheError} naming the option when `options` is invalid
   */
  constructor(options?: CacheConstructorOptions<ClientCacheKey, V>) {
    super(options, clientCacheSide, 'LFU')
  }
}

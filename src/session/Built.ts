import type { LFUClientCache } from '../caches/LFUClientCache.js'
import type { LFUResourceCache } from '../caches/LFUResourceCache.js'
import type { LRUClientCache } from '../caches/LRUClientCache.js'
import type { LRUResourceCache } from '../caches/LRUResourceCache.js'
import type { CacheKey } from '../keys/CacheKey.js'
import type { AwsClientLike } from '../types.js'
import type { ClientTracker } from './ClientTracker.js'

/** Any of a session's four caches. @internal */
export type AnyCache = LRUClientCache | LFUClientCache | LRUResourceCache | LFUResourceCache

/**
 * What the session knows about a value it built (a client, or a resource and its own client).
 * @internal
 */
export interface Built {
  readonly client: AwsClientLike
  readonly tracker: ClientTracker
  readonly key: CacheKey
  readonly cache: AnyCache
  /** `false` when the config carried a caller-supplied request handler instance. */
  readonly ownsHandler: boolean
  disposed: boolean
}

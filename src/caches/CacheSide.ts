import type { CacheError, ErrorFamily } from '../errors.js'
import type { CacheType } from '../types.js'

/**
 * What differs between the client side and the resource side of the caches: the kind of key, the
 * error classes, the `toString()` header and which values are accepted. One shared constant per
 * side ({@link clientCacheSide}, {@link resourceCacheSide}).
 * @internal
 */
export interface CacheSide<T extends CacheType> {
  readonly cacheType: T
  /** The key class's name, for messages. */
  readonly keyName: string
  readonly errors: ErrorFamily
  /** First line of `toString()`. */
  readonly header: string
  /** `true` for a value the cache may hold. Small and side-effect free: `set()` inlines it. */
  isValue(value: unknown): boolean
  /** The side's base error (param `value`) for a value {@link CacheSide.isValue} rejects. */
  valueError(value: unknown): CacheError
}

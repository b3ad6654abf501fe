import type { CacheError } from '../errors.js'
import { describeValue } from '../keys/describeValue.js'
import type { EvictionPolicy } from '../types.js'

/**
 * Checks an eviction policy: exactly `'LRU'` or `'LFU'` (case sensitive, so `'lru'` is invalid).
 *
 * @param value - the value received
 * @param Family - the error class to throw (the calling side's base error)
 * @returns `value`, typed as an {@link EvictionPolicy}
 * @throws `Family` with code `INVALID_EVICTION_POLICY` and param `evictionPolicy`
 *
 * @example
 * ```ts
 * validateEvictionPolicy('LFU', ClientCacheError) // 'LFU'
 * validateEvictionPolicy('lru', ClientCacheError)
 * // throws ClientCacheError: Invalid eviction policy: expected 'LRU' or 'LFU' (case sensitive), got 'lru' (string)
 * ```
 * @internal
 */
export function validateEvictionPolicy(value: unknown, Family: typeof CacheError): EvictionPolicy {
  if (value === 'LRU' || value === 'LFU') return value
  throw new Family(
    `Invalid eviction policy: expected 'LRU' or 'LFU' (case sensitive), got ${describeValue(value)}`,
    { code: 'INVALID_EVICTION_POLICY', param: 'evictionPolicy', value },
  )
}

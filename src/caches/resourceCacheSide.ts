import { invalidArgument, resourceErrors } from '../errors.js'
import type { CacheSide } from './CacheSide.js'

/**
 * The resource side: `ResourceCacheKey`s, `ResourceCache…Error`s, and any object or function
 * as the value (a session tracks resources by identity, so primitives make no sense here).
 * @internal
 */
export const resourceCacheSide: CacheSide<'resource'> = {
  cacheType: 'resource',
  keyName: 'ResourceCacheKey',
  errors: resourceErrors,
  header: 'ResourceCache:',
  isValue(value) {
    return (typeof value === 'object' && value !== null) || typeof value === 'function'
  },
  valueError(value) {
    return invalidArgument(
      resourceErrors.Base,
      'value',
      'a resource (a non-null object or a function)',
      value,
    )
  },
}

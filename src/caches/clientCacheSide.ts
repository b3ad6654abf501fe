import { clientErrors, invalidArgument } from '../errors.js'
import type { CacheSide } from './CacheSide.js'

/** The client side: `ClientCacheKey`s, `ClientCache…Error`s, values with `send` and `destroy`. @internal */
export const clientCacheSide: CacheSide<'client'> = {
  cacheType: 'client',
  keyName: 'ClientCacheKey',
  errors: clientErrors,
  header: 'ClientCache:',
  isValue(value) {
    return (
      typeof value === 'object' &&
      value !== null &&
      typeof (value as { send?: unknown }).send === 'function' &&
      typeof (value as { destroy?: unknown }).destroy === 'function'
    )
  },
  valueError(value) {
    return invalidArgument(
      clientErrors.Base,
      'value',
      'an AWS SDK client (an object with send() and destroy() methods)',
      value,
      'NOT_A_CLIENT',
    )
  },
}

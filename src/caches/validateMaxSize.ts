import { invalidArgument, type CacheError } from '../errors.js'

/**
 * Checks a cache size: a positive safe integer (1 to `Number.MAX_SAFE_INTEGER`).
 *
 * @param value - the value received
 * @param Family - the error class to throw (the calling side's base error)
 * @param param - the name the message gives the value, e.g. `'options.maxSize'`
 * @returns `value`, typed as a number
 * @throws `Family` (code `INVALID_ARGUMENT`) for anything else, with a message such as
 *   `maxSize must be a positive integer (at most Number.MAX_SAFE_INTEGER), got 0 (number)`
 *
 * @example
 * ```ts
 * validateMaxSize(30, ClientCacheError) // 30
 * validateMaxSize(0, ClientCacheError) // throws ClientCacheError
 * ```
 * @internal
 */
export function validateMaxSize(
  value: unknown,
  Family: typeof CacheError,
  param = 'maxSize',
): number {
  if (typeof value === 'number' && Number.isSafeInteger(value) && value >= 1) return value
  throw invalidArgument(
    Family,
    param,
    'a positive integer (at most Number.MAX_SAFE_INTEGER)',
    value,
  )
}

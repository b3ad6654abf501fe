import { invalidArgument, type CacheError } from '../errors.js'
import type { OptionRule } from '../validateOptions.js'

/** A cache size: a positive safe integer. @internal */
export const maxSizeRule: OptionRule = [
  'a positive integer (at most Number.MAX_SAFE_INTEGER)',
  (value) => typeof value === 'number' && Number.isSafeInteger(value) && value >= 1,
]

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
  if (maxSizeRule[1](value)) return value as number
  throw invalidArgument(Family, param, maxSizeRule[0], value)
}

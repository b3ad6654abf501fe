import { invalidArgument, type CacheError } from '../errors.js'
import type { EvictReason } from '../types.js'
import { isPlainObject } from '../keys/isPlainObject.js'
import { validateMaxSize } from './validateMaxSize.js'
import { tickClock } from '../tickClock.js'

/** A new cache's size when none is given. @internal */
export const DEFAULT_MAX_SIZE = 10

const KNOWN_OPTIONS = new Set(['maxSize', 'onEvict', 'now'])

/** The default clock: `Date.now()`, read once per microtask turn (see `tickClock`). */
const systemNow = tickClock

/** Validated cache constructor options. @internal */
export interface ValidCacheOptions<K, V> {
  readonly maxSize: number
  readonly onEvict: ((value: V, key: K, reason: EvictReason) => void) | undefined
  readonly now: () => number
}

/**
 * Checks the options of a cache constructor: `undefined` or a plain object with only `maxSize`
 * (a positive safe integer), `onEvict` and `now` (functions). Throws `Family` naming the option.
 * @internal
 */
export function validateCacheOptions<K, V>(
  options: unknown,
  Family: typeof CacheError,
): ValidCacheOptions<K, V> {
  if (options === undefined) {
    return { maxSize: DEFAULT_MAX_SIZE, onEvict: undefined, now: systemNow }
  }
  if (!isPlainObject(options)) {
    throw invalidArgument(
      Family,
      'options',
      'a plain object { maxSize?, onEvict?, now? } or undefined',
      options,
    )
  }
  for (const name of Object.keys(options)) {
    if (!KNOWN_OPTIONS.has(name)) {
      throw new Family(
        `options.${name} is not a cache option; expected only maxSize, onEvict and now`,
        { param: `options.${name}`, value: options[name] },
      )
    }
  }
  const { maxSize, onEvict, now } = options
  const size =
    maxSize === undefined ? DEFAULT_MAX_SIZE : validateMaxSize(maxSize, Family, 'options.maxSize')
  if (onEvict !== undefined && typeof onEvict !== 'function') {
    throw invalidArgument(
      Family,
      'options.onEvict',
      'a function (value, key, reason) => void',
      onEvict,
    )
  }
  if (now !== undefined && typeof now !== 'function') {
    throw invalidArgument(Family, 'options.now', 'a function returning ms since the epoch', now)
  }
  return {
    maxSize: size,
    onEvict: onEvict as ValidCacheOptions<K, V>['onEvict'],
    now: (now as (() => number) | undefined) ?? systemNow,
  }
}

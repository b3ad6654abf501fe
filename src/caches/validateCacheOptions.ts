import type { CacheError } from '../errors.js'
import { tickClock } from '../tickClock.js'
import type { EvictReason } from '../types.js'
import { isFunction, validateOptions, type OptionRule } from '../validateOptions.js'
import { maxSizeRule } from './validateMaxSize.js'

/** A new cache's size when none is given. @internal */
export const DEFAULT_MAX_SIZE = 10

/** The cache constructor options and their rules. */
const RULES: Record<string, OptionRule> = {
  maxSize: maxSizeRule,
  onEvict: ['a function (value, key, reason) => void', isFunction],
  now: ['a function returning ms since the epoch', isFunction],
}

/** Validated cache constructor options. @internal */
export interface ValidCacheOptions<K, V> {
  readonly maxSize: number
  readonly onEvict: ((value: V, key: K, reason: EvictReason) => void) | undefined
  /** The default clock: `Date.now()`, read once per microtask turn (see `tickClock`). */
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
  const { maxSize, onEvict, now } = validateOptions(
    options,
    RULES,
    Family,
    'options',
    'a plain object { maxSize?, onEvict?, now? } or undefined',
    (name) => `options.${name} is not a cache option; expected only maxSize, onEvict and now`,
  )
  return {
    maxSize: (maxSize as number | undefined) ?? DEFAULT_MAX_SIZE,
    onEvict: onEvict as ValidCacheOptions<K, V>['onEvict'],
    now: (now as (() => number) | undefined) ?? tickClock,
  }
}

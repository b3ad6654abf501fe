import { validateEvictionPolicy } from '../caches/validateEvictionPolicy.js'
import { validateMaxSize } from '../caches/validateMaxSize.js'
import { invalidArgument, type ErrorFamily } from '../errors.js'
import { isPlainObject } from '../keys/isPlainObject.js'
import type { EvictionPolicy } from '../types.js'

/**
 * A call's cache options: the policy (the session's default when it names none) and the `maxSize`
 * to resize to, if any. Throws the family's error naming the option.
 * @internal
 */
export function callOptions(
  options: unknown,
  family: ErrorFamily,
  defaultPolicy: EvictionPolicy,
): { policy: EvictionPolicy; maxSize: number | undefined } {
  if (!isPlainObject(options)) {
    throw invalidArgument(
      family.Base,
      'options',
      'an object { evictionPolicy?, maxSize? } or undefined',
      options,
    )
  }
  const policy =
    options.evictionPolicy === undefined
      ? defaultPolicy
      : validateEvictionPolicy(options.evictionPolicy, family.Base)
  const maxSize =
    options.maxSize === undefined
      ? undefined
      : validateMaxSize(options.maxSize, family.Base, 'options.maxSize')
  return { policy, maxSize }
}

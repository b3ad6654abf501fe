import { encodeIdentity } from './encodeIdentity.js'
import { isPlainObject } from './isPlainObject.js'

/**
 * `true` when two config values have the same canonical form (the rules keys use): primitives by
 * value and type, arrays in order, plain objects by their defined properties, `Date` by time,
 * `URL` by `href`, anything else (functions, class instances) by identity. For diagnostics, which
 * compare configs property by property; keys themselves compare their encodings.
 * @internal
 */
export function sameCanonical(a: unknown, b: unknown): boolean {
  if (a === b) return true
  // The canonical encoding is what keys compare: equal encodings, equal keys.
  try {
    return encodeIdentity(a, '') === encodeIdentity(b, '')
  } catch {
    return false // a cycle: such a config is never a key
  }
}

/**
 * `true` when `a` and `b` differ, and only where both sides are compared by identity (functions
 * and class instances other than `Date` and `URL`): the signature of a config that builds a new
 * logger, handler or function on every call. A value present on one side only, or any difference
 * of primitives, dates, URLs or shapes, is a real difference and gives `false`.
 * @internal
 */
export function differsOnlyByIdentity(a: unknown, b: unknown): boolean {
  if (sameCanonical(a, b)) return false
  if (Array.isArray(a)) {
    return (
      Array.isArray(b) &&
      a.length === b.length &&
      a.every((item, i) => sameCanonical(item, b[i]) || differsOnlyByIdentity(item, b[i]))
    )
  }
  if (isPlainObject(a)) {
    if (!isPlainObject(b)) return false
    for (const name of new Set([...Object.keys(a), ...Object.keys(b)])) {
      if (!sameCanonical(a[name], b[name]) && !differsOnlyByIdentity(a[name], b[name])) {
        return false
      }
    }
    return true
  }
  return isComparedByIdentity(a) && isComparedByIdentity(b)
}

function isComparedByIdentity(value: unknown): boolean {
  if (typeof value === 'function') return true
  if (value === null || typeof value !== 'object') return false
  if (Array.isArray(value) || isPlainObject(value) || value instanceof Date) return false
  return !(typeof URL === 'function' && value instanceof URL)
}

import { isPlainObject } from './isPlainObject.js'
import { isMaskedWhole, MASK } from './secretNames.js'

/**
 * A copy of `value` that is safe to keep on an error or show anywhere: plain objects and arrays
 * are copied with every secret (and every `credentials` or `logins` value) replaced by `'***'`;
 * functions and other objects become a short description; cycles become `'[Circular]'`.
 * @internal
 */
export function maskValue(value: unknown): unknown {
  return mask(value, [])
}

function mask(value: unknown, ancestors: object[]): unknown {
  if (typeof value === 'function') return `[Function ${value.name || 'anonymous'}]`
  if (value === null || typeof value !== 'object') return value
  if (ancestors.includes(value)) return '[Circular]'
  if (Array.isArray(value)) {
    ancestors.push(value)
    const copy = value.map((item) => mask(item, ancestors))
    ancestors.pop()
    return copy
  }
  if (!isPlainObject(value)) {
    const name = (value as { constructor?: { name?: unknown } }).constructor?.name
    return `[${typeof name === 'string' && name ? name : 'Object'}]`
  }
  ancestors.push(value)
  const copy: Record<string, unknown> = {}
  for (const name of Object.keys(value)) {
    copy[name] = isMaskedWhole(name) ? MASK : mask(value[name], ancestors)
  }
  ancestors.pop()
  return copy
}

import { isPlainObject } from './isPlainObject.js'

/** Strings longer than this are described by length only, so a misplaced secret never shows. */
const MAX_SHOWN_STRING = 16

/**
 * A short, secret-free description of a received value for error messages:
 * `0 (number)`, `'10' (string)`, `null`, `an object with keys region, credentials`.
 * @internal
 */
export function describeValue(value: unknown): string {
  switch (typeof value) {
    case 'undefined':
      return 'undefined'
    case 'number':
    case 'boolean':
      return `${String(value)} (${typeof value})`
    case 'bigint':
      return `${String(value)}n (bigint)`
    case 'string':
      return value.length <= MAX_SHOWN_STRING
        ? `'${value}' (string)`
        : `a string of ${value.length} characters`
    case 'symbol':
      return `${value.toString()} (symbol)`
    case 'function':
      return value.name ? `a function (${value.name})` : 'an anonymous function'
    default:
      if (value === null) return 'null'
      if (Array.isArray(value)) return `an array of length ${value.length}`
      if (isPlainObject(value)) {
        const names = Object.keys(value)
        return names.length === 0 ? 'an empty object' : `an object with keys ${names.join(', ')}`
      }
      return `an instance of ${(value as { constructor?: { name?: string } }).constructor?.name ?? 'Object'}`
  }
}

import { identityOf } from './objectIds.js'
import { isPlainObject } from './isPlainObject.js'

/**
 * Thrown (internally) when a config contains a cycle; callers turn it into the right
 * `CacheError` subclass naming `path`.
 * @internal
 */
export class CycleError extends Error {
  constructor(readonly path: string) {
    super(`cycle at ${path}`)
  }
}

/**
 * One object on the way from the root to the value being encoded. Paths are only spelled out
 * when a cycle is found, so encoding builds no path strings.
 */
interface Frame {
  readonly value: object
  readonly parent: Frame | undefined
  /** This object's property name (or index) in its parent; the root's display name at the top. */
  readonly key: string | number
}

/**
 * The exact identity of a config value, as a string: two values encode equally if and only if
 * they are canonically equal (see API.md, "Canonical form"). Every piece is self-delimiting
 * (length-prefixed strings, terminated numbers), so concatenation is unambiguous and equality is
 * exact: no hashing, no collision. Secrets appear raw here: this string is private to a key (and
 * the cache's lookup map) and never shown.
 *
 * Hot path: no JSON, no path strings, no sorting for keys already in order.
 * @internal
 */
export function encodeIdentity(value: unknown, rootName: string): string {
  return encode(value, undefined, rootName)
}

/**
 * The encoding of one property `name` of the plain object `parent` (itself named `rootName`):
 * `encodeIdentity(parent)` is `{` + the `encodeProperty` of each defined property in sorted order
 * + `}`. Lets the session merge precomputed pieces of its defaults with a call's properties.
 * @internal
 */
export function encodeProperty(
  parent: object,
  name: string,
  value: unknown,
  rootName: string,
): string {
  const encoded =
    value !== null && typeof value === 'object'
      ? encode(value, { value: parent, parent: undefined, key: rootName }, name)
      : encodePrimitive(value)
  return `${name.length}:${name}${encoded}`
}

function encodePrimitive(value: unknown): string {
  switch (typeof value) {
    case 'string':
      return `s${value.length}:${value}`
    case 'number':
      return `n${value};`
    case 'boolean':
      return value ? 'T' : 'F'
    case 'undefined':
      return 'U'
    case 'bigint':
      return `b${value};`
    case 'symbol':
      return `y${identityOf(value)};`
    case 'function':
      return `f${identityOf(value)};`
    default:
      return 'N' // null
  }
}

function encode(value: unknown, parent: Frame | undefined, key: string | number): string {
  if (value === null || typeof value !== 'object') return encodePrimitive(value)
  for (let frame = parent; frame !== undefined; frame = frame.parent) {
    if (frame.value === value) throw new CycleError(pathOf(parent, key))
  }
  if (Array.isArray(value)) {
    const frame: Frame = { value, parent, key }
    let out = '['
    for (let i = 0; i < value.length; i++) out += encode(value[i], frame, i)
    return out + ']'
  }
  if (isPlainObject(value)) {
    const frame: Frame = { value, parent, key }
    const names = sortedKeys(value)
    let out = '{'
    for (let i = 0; i < names.length; i++) {
      const name = names[i]!
      const item = value[name]
      if (item !== undefined) out += `${name.length}:${name}${encode(item, frame, name)}`
    }
    return out + '}'
  }
  if (value instanceof Date) return `D${value.getTime()};`
  if (typeof URL === 'function' && value instanceof URL) {
    const href = value.href
    return `L${href.length}:${href}`
  }
  return `o${identityOf(value)};`
}

/** `config.a.b[0]`: the path of `key` under `parent`, spelled out only for an error. */
function pathOf(parent: Frame | undefined, key: string | number): string {
  const keys: (string | number)[] = [key]
  for (let frame = parent; frame !== undefined; frame = frame.parent) keys.push(frame.key)
  keys.reverse()
  let path = String(keys[0])
  for (let i = 1; i < keys.length; i++) {
    const k = keys[i]!
    path += typeof k === 'number' ? `[${k}]` : `.${k}`
  }
  return path
}

/**
 * Own enumerable string keys in code-unit order. Insertion sort in place: configs have a handful
 * of keys, usually already in order, where this does n-1 comparisons and no moves.
 * @internal
 */
export function sortedKeys(object: object): string[] {
  const names = Object.keys(object)
  for (let i = 1; i < names.length; i++) {
    const name = names[i]!
    let j = i - 1
    while (j >= 0 && names[j]! > name) {
      names[j + 1] = names[j]!
      j--
    }
    names[j + 1] = name
  }
  return names
}

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
 * The exact identity of a config value, as a string: two values encode equally if and only if
 * they are canonically equal (see API.md, "Canonical form"). Every piece is self-delimiting
 * (length-prefixed strings, terminated numbers), so concatenation is unambiguous and equality is
 * exact: no hashing, no collision. Secrets appear raw here: this string is private to a key (and
 * the cache's lookup map) and never shown.
 *
 * Hot path: no sorting for objects whose keys are already sorted, no JSON, no intermediate arrays
 * beyond `Object.keys`.
 * @internal
 */
export function encodeIdentity(value: unknown, path: string): string {
  return encode(value, path, undefined)
}

/** Ancestors of the value being encoded, for cycle detection; `undefined` at the top. */
interface Ancestors {
  readonly value: object
  readonly parent: Ancestors | undefined
}

function encode(value: unknown, path: string, ancestors: Ancestors | undefined): string {
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
  }
  if (value === null) return 'N'
  const object = value as object
  for (let a = ancestors; a !== undefined; a = a.parent) {
    if (a.value === object) throw new CycleError(path)
  }
  if (Array.isArray(object)) {
    const next: Ancestors = { value: object, parent: ancestors }
    let out = '['
    for (let i = 0; i < object.length; i++) out += encode(object[i], `${path}[${i}]`, next)
    return out + ']'
  }
  if (isPlainObject(object)) return encodeObject(object, path, { value: object, parent: ancestors })
  if (object instanceof Date) return `D${object.getTime()};`
  if (typeof URL === 'function' && object instanceof URL) {
    const href = object.href
    return `L${href.length}:${href}`
  }
  return `o${identityOf(object)};`
}

function encodeObject(
  object: Record<string, unknown>,
  path: string,
  ancestors: Ancestors,
): string {
  const names = sortedKeys(object)
  let out = '{'
  for (let i = 0; i < names.length; i++) {
    const name = names[i]!
    const item = object[name]
    if (item === undefined) continue
    out += `${name.length}:${name}${encode(item, `${path}.${name}`, ancestors)}`
  }
  return out + '}'
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

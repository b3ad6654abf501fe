/**
 * Small integers standing for objects, functions and symbols that keys compare by identity
 * (client classes, credential providers, request handlers, loggers, resource definitions).
 * A WeakMap, so an id never keeps its object alive.
 * @internal
 */
const ids = new WeakMap<object, number>()
// Symbols cannot be WeakMap keys on every supported runtime; they are rare in configs.
const symbolIds = new Map<symbol, number>()
let next = 1

/** The identity number of an object, function or symbol (assigned on first sight). @internal */
export function identityOf(value: object | symbol): number {
  if (typeof value === 'symbol') {
    let id = symbolIds.get(value)
    if (id === undefined) symbolIds.set(value, (id = next++))
    return id
  }
  let id = ids.get(value)
  if (id === undefined) ids.set(value, (id = next++))
  return id
}

const prefixes = new WeakMap<object, string>()

/**
 * `${identityOf(value)}|`, cached as a string: the start of every key identity of a class or
 * definition. Saves the number-to-string conversion on each session hit.
 * @internal
 */
export function identityPrefixOf(value: object): string {
  let prefix = prefixes.get(value)
  if (prefix === undefined) prefixes.set(value, (prefix = `${identityOf(value)}|`))
  return prefix
}

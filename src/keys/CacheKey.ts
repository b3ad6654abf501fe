import { invalidArgument, type ErrorFamily } from '../errors.js'
import type { CacheType } from '../types.js'
import { describeConfig } from './describeConfig.js'
import { CycleError, encodeIdentity } from './encodeIdentity.js'
import { internString } from './internString.js'
import { isPlainObject } from './isPlainObject.js'
import type { SecretToken } from './secretTokens.js'

let readIdentity: (key: unknown, cacheType: CacheType) => string | undefined

/**
 * What {@link ClientCacheKey} and {@link ResourceCacheKey} share: an exact private identity, and
 * a secret-free `id` and `label`.
 */
export abstract class CacheKey {
  /** Exact identity (secrets raw); private, reachable only through {@link keyIdentity}. */
  readonly #identity: string
  /** Keeps this key's secrets interned while the key lives. */
  readonly #tokens: readonly SecretToken[]
  /** Which kind of cache this key belongs in. */
  abstract readonly cacheType: CacheType
  /** Canonical, secret-free, and the same for equal keys that are alive at the same time. */
  readonly id: string
  /** Human-readable and secret-free, e.g. `S3Client({ credentials: ***, region: 'us-east-1' })`. */
  readonly label: string
  /** The client class name (client keys) or the definition name (resource keys). */
  readonly className: string
  /** The `region` of the config when it is a string, else `null`. */
  readonly region: string | null

  static {
    readIdentity = (key, cacheType) =>
      typeof key === 'object' && key !== null && #identity in key && key.cacheType === cacheType
        ? key.#identity
        : undefined
  }

  /** @internal */
  protected constructor(parts: {
    identity: string
    id: string
    label: string
    tokens: readonly SecretToken[]
    className: string
    region: string | null
  }) {
    this.#identity = internString(parts.identity)
    this.#tokens = parts.tokens
    this.id = parts.id
    this.label = parts.label
    this.className = parts.className
    this.region = parts.region
    void this.#tokens
  }

  /** `true` when `other` is a key of the same class with the same canonical identity. */
  equals(other: unknown): boolean {
    return (
      other instanceof CacheKey &&
      other.constructor === this.constructor &&
      other.#identity === this.#identity
    )
  }

  /** The label. */
  toString(): string {
    return this.label
  }

  /** The label, so `JSON.stringify(key)` is secret-free. */
  toJSON(): string {
    return this.label
  }

  /** Node's `util.inspect` (and so `console.log`) shows the label only. */
  [Symbol.for('nodejs.util.inspect.custom')](): string {
    return `${this.constructor.name} ${this.label}`
  }
}

/**
 * The exact identity string of a genuine key (made by the key constructors) of `cacheType`, for
 * cache lookups; `undefined` for anything else, an object that merely inherits a key class's
 * prototype included. One private brand check and one field read. @internal
 */
export function keyIdentity(key: unknown, cacheType: CacheType): string | undefined {
  return readIdentity(key, cacheType)
}

/**
 * Validates and encodes one config-like part of a key. Throws the family's base error for a
 * value that is not a plain object (when `plain`) or that contains a cycle.
 * @internal
 */
export function encodePart(
  value: unknown,
  param: string,
  family: ErrorFamily,
  plain: boolean,
): string {
  if (plain && value !== undefined && !isPlainObject(value)) {
    throw invalidArgument(family.Base, param, 'a plain object or undefined', value)
  }
  try {
    return encodeIdentity(value, param)
  } catch (error) {
    throw translateCycle(error, param, family)
  }
}

/** Turns an internal `CycleError` into the family's error naming the path; others pass. @internal */
export function translateCycle(error: unknown, param: string, family: ErrorFamily): unknown {
  if (!(error instanceof CycleError)) return error
  return new family.Base(`${param} must not contain a cycle, found one at ${error.path}`, {
    code: 'CYCLIC_CONFIG',
    param: error.path,
    details: { path: error.path },
  })
}

/** `describeConfig` plus the config's region. @internal */
export function describePart(config: unknown): ReturnType<typeof describeConfig> & {
  region: string | null
} {
  const region = isPlainObject(config) && typeof config.region === 'string' ? config.region : null
  return { ...describeConfig(config), region }
}

/**
 * The error hierarchy. Every error the package throws is a {@link CacheError}; client-side
 * operations throw {@link ClientCacheError} (or a subclass), resource-side operations
 * {@link ResourceCacheError}. `instanceof` works for every class and `name` is the class name.
 *
 * Errors never carry a secret: `value` is masked by {@link maskValue} before it is stored, and
 * messages describe received values with {@link describeValue}, which masks the same way.
 *
 * @module
 */
import { maskValue } from './keys/maskValue.js'
import { describeValue } from './keys/describeValue.js'
import { isMaskedWhole, MASK } from './keys/secretNames.js'

/** Machine-readable reason carried by every {@link CacheError}. */
export type CacheErrorCode =
  | 'INVALID_ARGUMENT'
  | 'INVALID_EVICTION_POLICY'
  | 'CYCLIC_CONFIG'
  | 'KEY_EXISTS'
  | 'KEY_NOT_FOUND'
  | 'NOT_A_CLIENT'
  | 'LOADER_FAILED'
  | 'ASYNC_CREATE'
  | 'UNSUPPORTED_RUNTIME'
  | 'UNKNOWN_REGION'
  | 'UNKNOWN_PARTITION'
  | 'SESSION_DISPOSED'
  | 'CREDENTIALS_TIMEOUT'
  | 'NO_CREDENTIALS'
  | 'INVALID_CREDENTIALS'

/** Options accepted by every {@link CacheError} constructor. */
export interface CacheErrorOptions {
  /** Machine-readable reason; defaults to `'INVALID_ARGUMENT'`. */
  code?: CacheErrorCode
  /** The parameter (or option, or config path) at fault, e.g. `'maxSize'`. */
  param?: string
  /** The value received; masked before it is stored. */
  value?: unknown
  /** Extra, secret-free context. */
  details?: Record<string, unknown>
  /** The underlying error, if any. */
  cause?: unknown
}

/**
 * Base class of every error thrown by aws-client-cache.
 *
 * @example
 * ```ts
 * try {
 *   session.client(S3Client, undefined, { maxSize: 0 })
 * } catch (error) {
 *   if (error instanceof CacheError) console.log(error.code, error.param) // INVALID_ARGUMENT maxSize
 * }
 * ```
 */
export class CacheError extends Error {
  // Each class names itself in a string, not through `new.target.name`: minifiers rename classes.
  override name = 'CacheError'
  /** Machine-readable reason. */
  readonly code: CacheErrorCode
  /** The parameter at fault, when there is one. */
  readonly param?: string
  /** The value received, with every secret replaced by `'***'`. */
  readonly value?: unknown
  /** Extra, secret-free context. */
  readonly details?: Record<string, unknown>

  constructor(message: string, options: CacheErrorOptions = {}) {
    super(message, options.cause === undefined ? undefined : { cause: options.cause })
    this.code = options.code ?? 'INVALID_ARGUMENT'
    if (options.param !== undefined) this.param = options.param
    if ('value' in options) {
      this.value = isSecretParam(options.param) ? MASK : maskValue(options.value)
    }
    if (options.details !== undefined) this.details = options.details
  }
}

/** An error from a client cache or a client-side session call. */
export class ClientCacheError extends CacheError {
  override name = 'ClientCacheError'
}
/** Thrown by `set()` on a client cache when the key is already present. */
export class ClientCacheExistsError extends ClientCacheError {
  override name = 'ClientCacheExistsError'
}
/** Thrown by `getOrThrow()`, `pop()` and `popItem()` on a client cache when nothing matches. */
export class ClientCacheNotFoundError extends ClientCacheError {
  override name = 'ClientCacheNotFoundError'
}
/** An error from a resource cache or a resource-side session call. */
export class ResourceCacheError extends CacheError {
  override name = 'ResourceCacheError'
}
/** Thrown by `set()` on a resource cache when the key is already present. */
export class ResourceCacheExistsError extends ResourceCacheError {
  override name = 'ResourceCacheExistsError'
}
/** Thrown by `getOrThrow()`, `pop()` and `popItem()` on a resource cache when nothing matches. */
export class ResourceCacheNotFoundError extends ResourceCacheError {
  override name = 'ResourceCacheNotFoundError'
}

/** The three error classes of one side (client or resource). */
export interface ErrorFamily {
  readonly Base: typeof ClientCacheError | typeof ResourceCacheError
  readonly Exists: typeof ClientCacheExistsError | typeof ResourceCacheExistsError
  readonly NotFound: typeof ClientCacheNotFoundError | typeof ResourceCacheNotFoundError
}

/** @internal */
export const clientErrors: ErrorFamily = {
  Base: ClientCacheError,
  Exists: ClientCacheExistsError,
  NotFound: ClientCacheNotFoundError,
}

/** @internal */
export const resourceErrors: ErrorFamily = {
  Base: ResourceCacheError,
  Exists: ResourceCacheExistsError,
  NotFound: ResourceCacheNotFoundError,
}

/**
 * Builds the error for a bad argument: `<param> must be <expected>, got <received>`.
 * @internal
 */
export function invalidArgument(
  Family: typeof CacheError,
  param: string,
  expected: string,
  value: unknown,
  code: CacheErrorCode = 'INVALID_ARGUMENT',
): CacheError {
  const received = isSecretParam(param) ? `${MASK} (${typeof value})` : describeValue(value)
  return new Family(`${param} must be ${expected}, got ${received}`, {
    code,
    param,
    value,
  })
}

/**
 * `true` when a parameter path runs through a secret (`config.credentials`,
 * `config.logins.x`, `options.password`): its value is never shown, even masked.
 */
function isSecretParam(param: string | undefined): boolean {
  if (param === undefined) return false
  return param.split(/[.[\]]/).some((segment) => segment !== '' && isMaskedWhole(segment))
}

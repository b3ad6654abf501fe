import { CacheError, invalidArgument } from '../errors.js'
import { encodePart } from '../keys/CacheKey.js'
import { isPlainObject } from '../keys/isPlainObject.js'
import { validateEvictionPolicy } from '../caches/validateEvictionPolicy.js'
import { validateMaxSize } from '../caches/validateMaxSize.js'
import { clientErrors } from '../errors.js'
import type {
  AwsCredentialIdentity,
  AwsCredentialIdentityProvider,
  CacheOptions,
  EvictionPolicy,
} from '../types.js'

/** How a {@link Session} builds and caches clients. Every field is optional. */
export interface SessionConfig {
  /** Region of every client unless a call's config names another. */
  region?: string
  /**
   * Static credentials or a provider (e.g. `fromCognitoIdentityPool(...)`). Every client the
   * session builds gets one shared, memoized provider over it.
   */
  credentials?: AwsCredentialIdentity | AwsCredentialIdentityProvider
  /** Shared config/credentials file profile. Node only; elsewhere the constructor throws. */
  profile?: string
  /** Defaults merged (shallowly) into every client's config; the fields above override it. */
  clientConfig?: object
  /** Policy and max size used when a call names none. New caches start at `defaults.maxSize`. */
  defaults?: CacheOptions
  /** Destroy evicted clients once idle (default `true`). */
  disposeEvicted?: boolean
  /**
   * How long (ms) a streaming response body may make no progress before it stops counting as
   * in flight (default 60 000). Keeps a body nobody reads from holding an evicted client.
   */
  bodyIdleTimeout?: number
  /**
   * When a request of a client that signs with the session's credentials fails with an
   * authentication error (`ExpiredToken`, `InvalidClientTokenId`, `UnrecognizedClientException`,
   * …: credentials revoked before their expiry), forget the credentials, resolve them anew once
   * and send the request once more when it can be replayed (default `true`).
   */
  refreshOnAuthError?: boolean
  /**
   * How long (ms) one resolution of the shared credentials may take before it fails with a
   * `CREDENTIALS_TIMEOUT` error (default 30 000), so a provider that hangs cannot stall the
   * session's clients for ever.
   */
  credentialsTimeout?: number
}

const KNOWN = new Set([
  'region',
  'credentials',
  'profile',
  'clientConfig',
  'defaults',
  'disposeEvicted',
  'bodyIdleTimeout',
  'credentialsTimeout',
  'refreshOnAuthError',
])

/** A validated {@link SessionConfig}. @internal */
export interface ResolvedSessionConfig {
  readonly region: string | undefined
  readonly credentials: AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined
  readonly profile: string | undefined
  readonly clientConfig: Record<string, unknown>
  readonly evictionPolicy: EvictionPolicy
  readonly maxSize: number
  readonly disposeEvicted: boolean
  readonly refreshOnAuthError: boolean
  readonly bodyIdleTimeout: number
  readonly credentialsTimeout: number
}

/** Validates a session config; throws a {@link CacheError} naming the bad field. @internal */
export function resolveSessionConfig(
  config: unknown,
  supportsProfiles: boolean,
): ResolvedSessionConfig {
  if (config === undefined) config = {}
  if (!isPlainObject(config))
    throw invalidArgument(CacheError, 'config', 'a plain object or undefined', config)
  for (const name of Object.keys(config)) {
    if (!KNOWN.has(name)) {
      throw new CacheError(
        `config.${name} is not a session option; expected one of ${[...KNOWN].join(', ')}`,
        { param: `config.${name}` },
      )
    }
  }
  const {
    region,
    credentials,
    profile,
    clientConfig,
    defaults,
    disposeEvicted,
    bodyIdleTimeout,
    credentialsTimeout,
    refreshOnAuthError,
  } = config
  if (region !== undefined && (typeof region !== 'string' || region === '')) {
    throw invalidArgument(CacheError, 'config.region', 'a region name such as us-east-1', region)
  }
  validateCredentials(credentials, 'config.credentials')
  if (profile !== undefined) {
    if (typeof profile !== 'string' || profile === '') {
      throw invalidArgument(CacheError, 'config.profile', 'a non-empty profile name', profile)
    }
    if (!supportsProfiles) {
      throw new CacheError(
        'config.profile is only supported on Node (it names a profile in the shared AWS config files); in this runtime pass `credentials` instead',
        { code: 'UNSUPPORTED_RUNTIME', param: 'config.profile', value: profile },
      )
    }
  }
  if (clientConfig !== undefined)
    encodePart(clientConfig, 'config.clientConfig', clientErrors, true)
  let evictionPolicy: EvictionPolicy = 'LRU'
  let maxSize = 10
  if (defaults !== undefined) {
    if (!isPlainObject(defaults)) {
      throw invalidArgument(
        CacheError,
        'config.defaults',
        'an object { evictionPolicy?, maxSize? }',
        defaults,
      )
    }
    if (defaults.evictionPolicy !== undefined) {
      evictionPolicy = validateEvictionPolicy(defaults.evictionPolicy, CacheError)
    }
    if (defaults.maxSize !== undefined) {
      maxSize = validateMaxSize(defaults.maxSize, CacheError, 'config.defaults.maxSize')
    }
  }
  for (const [name, value] of [
    ['disposeEvicted', disposeEvicted],
    ['refreshOnAuthError', refreshOnAuthError],
  ] as const) {
    if (value !== undefined && typeof value !== 'boolean') {
      throw invalidArgument(CacheError, `config.${name}`, 'a boolean', value)
    }
  }
  for (const [name, value] of [
    ['bodyIdleTimeout', bodyIdleTimeout],
    ['credentialsTimeout', credentialsTimeout],
  ] as const) {
    if (
      value !== undefined &&
      (typeof value !== 'number' || !(value > 0) || !Number.isFinite(value))
    ) {
      throw invalidArgument(
        CacheError,
        `config.${name}`,
        'a positive number of milliseconds',
        value,
      )
    }
  }
  return {
    region,
    credentials: credentials,
    profile,
    clientConfig: (clientConfig as Record<string, unknown> | undefined) ?? {},
    evictionPolicy,
    maxSize,
    disposeEvicted: (disposeEvicted as boolean | undefined) ?? true,
    refreshOnAuthError: (refreshOnAuthError as boolean | undefined) ?? true,
    bodyIdleTimeout: (bodyIdleTimeout as number | undefined) ?? 60_000,
    credentialsTimeout: (credentialsTimeout as number | undefined) ?? 30_000,
  }
}

/**
 * Checks credentials given to a session (`config.credentials`, `setCredentials()`): `undefined`,
 * static credentials `{ accessKeyId, secretAccessKey }` or a provider function. Throws a
 * {@link CacheError} naming `param`, never showing the value.
 * @internal
 */
export function validateCredentials(
  credentials: unknown,
  param: string,
): asserts credentials is AwsCredentialIdentity | AwsCredentialIdentityProvider | undefined {
  if (
    credentials !== undefined &&
    typeof credentials !== 'function' &&
    !isStaticCredentials(credentials)
  ) {
    throw invalidArgument(
      CacheError,
      param,
      'static credentials { accessKeyId, secretAccessKey } or a credential provider function',
      credentials,
    )
  }
}

function isStaticCredentials(value: unknown): value is AwsCredentialIdentity {
  return (
    isPlainObject(value) &&
    typeof value.accessKeyId === 'string' &&
    typeof value.secretAccessKey === 'string'
  )
}

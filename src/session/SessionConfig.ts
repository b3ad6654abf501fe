import { CacheError, clientErrors, invalidArgument } from '../errors.js'
import { encodePart } from '../keys/CacheKey.js'
import { isPlainObject } from '../keys/isPlainObject.js'
import { validateEvictionPolicy } from '../caches/validateEvictionPolicy.js'
import { validateMaxSize } from '../caches/validateMaxSize.js'
import { aBoolean, positiveMs, validateOptions, type OptionRule } from '../validateOptions.js'
import { systemClock, type SessionClock } from './SessionClock.js'
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
  /**
   * The session's clock (default: the system's): its caches' `now`, the `at` of events, request
   * durations, credential expiry and the timers of `credentialsTimeout` and `bodyIdleTimeout`.
   * For tests that run a session on fake time.
   */
  clock?: SessionClock
}

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
  readonly clock: SessionClock
  /** `true` when the config brought its own clock (the caches then use it too). */
  readonly clockGiven: boolean
}

const CREDENTIALS_EXPECTED =
  'static credentials { accessKeyId, secretAccessKey } or a credential provider function'

const nonEmptyString = (value: unknown): boolean => typeof value === 'string' && value !== ''

/** The session options and their rules (`clientConfig` and `defaults` get more checks). */
const RULES: Record<string, OptionRule> = {
  region: ['a region name such as us-east-1', nonEmptyString],
  credentials: [CREDENTIALS_EXPECTED, isCredentialsSource],
  profile: ['a non-empty profile name', nonEmptyString],
  clientConfig: ['a plain object', () => true], // encoded below, which checks it whole
  defaults: ['an object { evictionPolicy?, maxSize? }', isPlainObject],
  disposeEvicted: aBoolean,
  bodyIdleTimeout: positiveMs,
  credentialsTimeout: positiveMs,
  refreshOnAuthError: aBoolean,
  clock: [
    'an object { now, setTimeout, clearTimeout } of functions',
    (value) =>
      value !== null &&
      typeof value === 'object' &&
      ['now', 'setTimeout', 'clearTimeout'].every(
        (name) => typeof (value as Record<string, unknown>)[name] === 'function',
      ),
  ],
}

/** Validates a session config; throws a {@link CacheError} naming the bad field. @internal */
export function resolveSessionConfig(
  config: unknown,
  supportsProfiles: boolean,
): ResolvedSessionConfig {
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
    clock,
  } = validateOptions(
    config,
    RULES,
    CacheError,
    'config',
    'a plain object or undefined',
    (name) =>
      `config.${name} is not a session option; expected one of ${Object.keys(RULES).join(', ')}`,
  ) as SessionConfig
  if (profile !== undefined) {
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
  if (defaults?.evictionPolicy !== undefined) {
    evictionPolicy = validateEvictionPolicy(defaults.evictionPolicy, CacheError)
  }
  if (defaults?.maxSize !== undefined) {
    maxSize = validateMaxSize(defaults.maxSize, CacheError, 'config.defaults.maxSize')
  }
  return {
    region,
    credentials,
    profile,
    clientConfig: (clientConfig as Record<string, unknown> | undefined) ?? {},
    evictionPolicy,
    maxSize,
    disposeEvicted: disposeEvicted ?? true,
    refreshOnAuthError: refreshOnAuthError ?? true,
    bodyIdleTimeout: bodyIdleTimeout ?? 60_000,
    credentialsTimeout: credentialsTimeout ?? 30_000,
    clock: clock ?? systemClock,
    clockGiven: clock !== undefined,
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
  if (credentials !== undefined && !isCredentialsSource(credentials)) {
    throw invalidArgument(CacheError, param, CREDENTIALS_EXPECTED, credentials)
  }
}

/** Static credentials or a provider function. */
function isCredentialsSource(value: unknown): boolean {
  return typeof value === 'function' || isStaticCredentials(value)
}

function isStaticCredentials(value: unknown): value is AwsCredentialIdentity {
  return (
    isPlainObject(value) &&
    typeof value.accessKeyId === 'string' &&
    typeof value.secretAccessKey === 'string'
  )
}

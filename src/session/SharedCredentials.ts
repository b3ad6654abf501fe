import { CacheError } from '../errors.js'
import { systemClock, type SessionClock } from './SessionClock.js'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '../types.js'

/** Credentials are refreshed this long before they expire (as the SDK's own memoizer does). */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000

/** Default of `SessionConfig.credentialsTimeout`. */
export const CREDENTIALS_TIMEOUT_MS = 30 * 1000

/** Why the shared credentials were resolved (the `reason` of a `credentials` event). */
export type CredentialsReason = 'initial' | 'refresh' | 'switch' | 'invalidate' | 'auth-error'

/** What a session hands to the SharedCredentials: static credentials or a provider. */
export type CredentialsSource = AwsCredentialIdentity | AwsCredentialIdentityProvider

/**
 * The provider every client of a session receives. `memoized: true` tells the SDK not to wrap it
 * in a memoizer of its own (which would keep an identity per client until it expires): the client
 * then asks it on every request, and a switch reaches every client at once.
 */
export type SharedProvider = AwsCredentialIdentityProvider & { readonly memoized: true }

type ProviderOptions = Parameters<AwsCredentialIdentityProvider>[0]

/**
 * One memoized credential provider shared by every client a session builds: concurrent
 * resolutions share one pending call; the result is reused until 5 minutes before its
 * `expiration`, then refreshed once. For credentials that live less than 10 minutes in all the
 * window shrinks to half their lifetime — with a fixed 5 minutes, short-lived credentials (a
 * sandbox issuing 60-second keys) would be refetched on every request.
 *
 * A rejected resolution is not cached: the next call tries again. A resolution that does not
 * settle within `timeout` ms rejects (`CREDENTIALS_TIMEOUT`), so a provider that hangs once (a
 * stalled Cognito call) cannot stall the session's clients for ever.
 *
 * {@link SharedCredentials.switch} replaces the source and {@link SharedCredentials.invalidate}
 * forgets what was resolved. Both start a new generation: a resolution still pending from an
 * earlier generation settles for the requests that started it but is never stored, so no request
 * that starts after a switch signs with the previous identity.
 * @internal
 */
export class SharedCredentials {
  #source: AwsCredentialIdentityProvider | undefined
  readonly #defaultSource: AwsCredentialIdentityProvider | undefined
  #current: AwsCredentialIdentity | undefined
  #fetchedAt = 0
  #pending: Promise<AwsCredentialIdentity> | undefined
  #generation = 0
  /** The reason the next resolution will report. */
  #nextReason: CredentialsReason = 'initial'
  #lastReason: CredentialsReason | undefined
  readonly #timeout: number
  readonly #clock: SessionClock
  readonly #onResolved: (credentials: AwsCredentialIdentity, reason: CredentialsReason) => void

  /** The provider to hand to clients. */
  readonly provider: SharedProvider

  /**
   * @param source - the session's credentials; `undefined` for none (the provider then rejects
   *   with `NO_CREDENTIALS` until {@link SharedCredentials.switch} gives it some)
   * @param defaultSource - what `switch(undefined)` goes back to (Node: the default chain)
   */
  constructor(
    source: CredentialsSource | undefined,
    defaultSource: AwsCredentialIdentityProvider | undefined,
    onResolved: (credentials: AwsCredentialIdentity, reason: CredentialsReason) => void,
    timeout: number = CREDENTIALS_TIMEOUT_MS,
    clock: SessionClock = systemClock,
  ) {
    this.#timeout = timeout
    this.#clock = clock
    this.#defaultSource = defaultSource
    this.#source = toProvider(source) ?? defaultSource
    this.#onResolved = onResolved
    const provider = (options?: ProviderOptions) => this.#resolve(options)
    this.provider = Object.assign(provider, { memoized: true as const })
  }

  /** `true` while there is a source to resolve (the session has credentials). */
  get hasSource(): boolean {
    return this.#source !== undefined
  }

  /** The credentials last resolved in this generation, if any. */
  get current(): AwsCredentialIdentity | undefined {
    return this.#current
  }

  /** Why the credentials in force were resolved, if they were. */
  get lastReason(): CredentialsReason | undefined {
    return this.#lastReason
  }

  /**
   * Makes `source` the credentials of every request that starts from now on (`undefined`: the
   * default source). Resolves nothing now; the next request does, reporting `switch`.
   */
  switch(source: CredentialsSource | undefined): void {
    this.#source = toProvider(source) ?? this.#defaultSource
    this.#forget('switch')
  }

  /** Forgets the resolved credentials: the next request resolves anew, once for all. */
  invalidate(reason: 'invalidate' | 'auth-error' = 'invalidate'): void {
    this.#forget(reason)
  }

  /**
   * After an authentication error: invalidates unless the credentials in force are no longer
   * those the failed request signed with (another failure, a refresh or a switch got there
   * first). Returns `true` when it invalidated. Concurrent failures with one key so cost one
   * invalidation and, through the shared pending call, one resolution.
   */
  invalidateAfterAuthError(used: AwsCredentialIdentity | undefined): boolean {
    const current = this.#current
    if (current === undefined) return false
    if (used !== undefined && used !== current && used.accessKeyId !== current.accessKeyId) {
      return false
    }
    this.#forget('auth-error')
    return true
  }

  #forget(reason: CredentialsReason): void {
    this.#generation++
    this.#current = undefined
    this.#pending = undefined
    this.#nextReason = reason
  }

  #resolve(options?: ProviderOptions): Promise<AwsCredentialIdentity> {
    const current = this.#current
    const forceRefresh = (options as { forceRefresh?: unknown } | undefined)?.forceRefresh === true
    if (current !== undefined && !forceRefresh && !this.#stale(current)) {
      return Promise.resolve(current)
    }
    if (this.#pending !== undefined) return this.#pending
    if (current !== undefined && this.#nextReason === 'initial') this.#nextReason = 'refresh'
    const pending = this.#fetch(options, this.#generation)
    this.#pending = pending
    const clear = (): void => {
      if (this.#pending === pending) this.#pending = undefined
    }
    pending.then(clear, clear)
    return pending
  }

  async #fetch(options: ProviderOptions, generation: number): Promise<AwsCredentialIdentity> {
    const source = this.#source
    if (source === undefined) {
      throw new CacheError(
        'the session has no credentials: pass credentials to new Session() or call session.setCredentials()',
        { code: 'NO_CREDENTIALS' },
      )
    }
    const clock = this.#clock
    let timer: unknown
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = clock.setTimeout(() => {
        reject(
          new CacheError(`the credential provider did not settle within ${this.#timeout} ms`, {
            code: 'CREDENTIALS_TIMEOUT',
            details: { timeout: this.#timeout },
          }),
        )
      }, this.#timeout)
    })
    let credentials: AwsCredentialIdentity
    try {
      credentials = await Promise.race([source(options), timedOut])
    } finally {
      clock.clearTimeout(timer)
    }
    if (!isCredentialIdentity(credentials)) {
      throw new CacheError(
        `the credential provider must resolve to { accessKeyId, secretAccessKey } strings, got ${describeResolved(credentials)}`,
        { code: 'INVALID_CREDENTIALS', param: 'credentials' },
      )
    }
    // Switched or invalidated meanwhile: the requests that asked get these, nobody keeps them.
    if (generation !== this.#generation) return credentials
    const reason = this.#nextReason
    this.#nextReason = 'refresh'
    this.#lastReason = reason
    this.#current = credentials
    this.#fetchedAt = this.#clock.now()
    this.#onResolved(credentials, reason)
    return credentials
  }

  #stale(credentials: AwsCredentialIdentity): boolean {
    const expiration = credentials.expiration
    if (expiration === undefined) return false
    const expiresAt = expiration.getTime()
    const window = Math.min(REFRESH_WINDOW_MS, Math.max(0, (expiresAt - this.#fetchedAt) / 2))
    return this.#clock.now() >= expiresAt - window
  }
}

function toProvider(
  source: CredentialsSource | undefined,
): AwsCredentialIdentityProvider | undefined {
  if (source === undefined) return undefined
  return typeof source === 'function' ? source : async () => source
}

/** Static credentials or what a provider resolved: two non-empty strings at least. */
export function isCredentialIdentity(value: unknown): value is AwsCredentialIdentity {
  if (value === null || typeof value !== 'object') return false
  const { accessKeyId, secretAccessKey } = value as Record<string, unknown>
  return (
    typeof accessKeyId === 'string' &&
    accessKeyId !== '' &&
    typeof secretAccessKey === 'string' &&
    secretAccessKey !== ''
  )
}

/** The shape of a bad resolution, without any of its values (they may hold a secret). */
function describeResolved(value: unknown): string {
  if (value === null) return 'null'
  if (typeof value !== 'object') return typeof value
  const names = Object.keys(value)
  return names.length === 0 ? 'an empty object' : `an object with keys ${names.join(', ')}`
}

import { CacheError } from '../errors.js'
import type { AwsCredentialIdentity, AwsCredentialIdentityProvider } from '../types.js'

/** Credentials are refreshed this long before they expire (as the SDK's own memoizer does). */
export const REFRESH_WINDOW_MS = 5 * 60 * 1000

/** Default of `SessionConfig.credentialsTimeout`. */
export const CREDENTIALS_TIMEOUT_MS = 30 * 1000

/**
 * One memoized credential provider shared by every client a session builds: concurrent
 * resolutions share one pending call; the result is reused until 5 minutes before its
 * `expiration`, then refreshed once. For credentials that live less than 10 minutes in all the
 * window shrinks to half their lifetime — with a fixed 5 minutes, short-lived credentials (a
 * sandbox issuing 60-second keys) would be refetched on every request.
 * A rejected resolution is not cached: the next call tries again. A resolution that does not
 * settle within `timeout` ms rejects (`CREDENTIALS_TIMEOUT`), so a provider that hangs once (a
 * stalled Cognito call) cannot stall the session's clients for ever: each client's own SDK
 * memoizer would otherwise wait on that one pending call.
 * @internal
 */
export class SharedCredentials {
  #current: AwsCredentialIdentity | undefined
  #fetchedAt = 0
  #pending: Promise<AwsCredentialIdentity> | undefined
  readonly #timeout: number
  readonly #source: AwsCredentialIdentityProvider
  readonly #onResolved: (credentials: AwsCredentialIdentity, refresh: boolean) => void

  /** The provider to hand to clients. */
  readonly provider: AwsCredentialIdentityProvider

  constructor(
    source: AwsCredentialIdentity | AwsCredentialIdentityProvider,
    onResolved: (credentials: AwsCredentialIdentity, refresh: boolean) => void,
    timeout: number = CREDENTIALS_TIMEOUT_MS,
  ) {
    this.#timeout = timeout
    this.#source = typeof source === 'function' ? source : async () => source
    this.#onResolved = onResolved
    this.provider = (options) => this.#resolve(options)
  }

  /** The credentials last resolved, if any. */
  get current(): AwsCredentialIdentity | undefined {
    return this.#current
  }

  #resolve(options?: Parameters<AwsCredentialIdentityProvider>[0]): Promise<AwsCredentialIdentity> {
    const current = this.#current
    const forceRefresh = (options as { forceRefresh?: unknown } | undefined)?.forceRefresh === true
    if (current !== undefined && !forceRefresh && !this.#stale(current)) {
      return Promise.resolve(current)
    }
    if (this.#pending !== undefined) return this.#pending
    const pending = this.#fetch(options)
    this.#pending = pending
    const clear = (): void => {
      if (this.#pending === pending) this.#pending = undefined
    }
    pending.then(clear, clear)
    return pending
  }

  async #fetch(
    options?: Parameters<AwsCredentialIdentityProvider>[0],
  ): Promise<AwsCredentialIdentity> {
    let timer: ReturnType<typeof setTimeout> | undefined
    const timedOut = new Promise<never>((_resolve, reject) => {
      timer = setTimeout(() => {
        reject(
          new CacheError(`the credential provider did not settle within ${this.#timeout} ms`, {
            code: 'CREDENTIALS_TIMEOUT',
            details: { timeout: this.#timeout },
          }),
        )
      }, this.#timeout)
      ;(timer as { unref?: () => void }).unref?.()
    })
    let credentials: AwsCredentialIdentity
    try {
      credentials = await Promise.race([this.#source(options), timedOut])
    } finally {
      clearTimeout(timer)
    }
    const refresh = this.#current !== undefined
    this.#current = credentials
    this.#fetchedAt = Date.now()
    this.#onResolved(credentials, refresh)
    return credentials
  }

  #stale(credentials: AwsCredentialIdentity): boolean {
    const expiration = credentials.expiration
    if (expiration === undefined) return false
    const expiresAt = expiration.getTime()
    const window = Math.min(REFRESH_WINDOW_MS, Math.max(0, (expiresAt - this.#fetchedAt) / 2))
    return Date.now() >= expiresAt - window
  }
}

import { CacheError } from '../errors.js'
import type { CacheEvent, CacheEventListener } from '../events.js'
import { Subscribable } from '../Subscribable.js'
import type { AwsCredentialIdentity } from '../types.js'
import type { AnyCache } from './Built.js'
import type { CredentialsReason } from './SharedCredentials.js'

/**
 * A session's listeners: its own events (`credentials`, `warning`) and, while anyone listens,
 * every event of its four caches, forwarded. Nobody listening: the caches have no subscriber, so
 * their hit path builds no event.
 * @internal
 */
export class SessionEvents {
  readonly #events = new Subscribable<CacheEvent>(CacheError)
  #forwarders: (() => void)[] | undefined

  get hasListeners(): boolean {
    return this.#events.hasListeners
  }

  emit(event: CacheEvent): void {
    this.#events.emit(event)
  }

  /** Adds a listener; forwards the caches' events from the first on. Idempotent unsubscribe. */
  subscribe(listener: CacheEventListener, caches: readonly AnyCache[]): () => void {
    const unsubscribe = this.#events.subscribe(listener)
    if (this.#forwarders === undefined) {
      const forward = (event: CacheEvent): void => this.#events.emit(event)
      this.#forwarders = caches.map((cache) => cache.subscribe(forward))
    }
    let active = true
    return () => {
      if (!active) return
      active = false
      unsubscribe()
      if (!this.#events.hasListeners && this.#forwarders !== undefined) {
        for (const stop of this.#forwarders) stop()
        this.#forwarders = undefined
      }
    }
  }

  /** Emits the `credentials` event for a resolution of the session's shared credentials. */
  credentialsResolved(
    credentials: AwsCredentialIdentity,
    reason: CredentialsReason,
    now: () => number,
  ): void {
    if (!this.#events.hasListeners) return
    this.#events.emit({
      type: 'credentials',
      at: now(),
      cacheType: null,
      evictionPolicy: null,
      refresh: reason !== 'initial',
      reason,
      expiration: credentials.expiration?.toISOString() ?? null,
    })
  }
}

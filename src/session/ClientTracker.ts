import { platform } from '#platform'
import { systemClock, type SessionClock } from './SessionClock.js'

/**
 * Counts one client's requests, from the start of `send()` until its response has been
 * consumed — a streaming body (`GetObject`'s `Body`) included — so the session can destroy an
 * evicted client only when it is idle.
 *
 * A Node stream body counts until it ends, errors or is destroyed, or until it makes no progress
 * (no bytes arrive on its socket) for `bodyIdleTimeout` ms: a body nobody reads must not keep an
 * evicted client alive for ever (`src/platform/watchNodeBody.ts`, which the Node platform imports
 * and the browser platform loads only if a Node stream ever reaches it). Web-stream and blob bodies (browsers, where `destroy()` is a no-op anyway) count
 * until the response arrives.
 * @internal
 */
export class ClientTracker {
  inFlight = 0
  requests = 0
  errors = 0
  /** Set once the client left its cache; the tracker then calls `onIdle` when nothing is in flight. */
  #onIdle: (() => void) | undefined

  constructor(
    private readonly bodyIdleTimeout: number,
    private readonly clock: SessionClock = systemClock,
  ) {}

  /** Runs `callback` now if idle, else once the last in-flight request finishes. */
  whenIdle(callback: () => void): void {
    if (this.inFlight === 0) callback()
    else this.#onIdle = callback
  }

  /** A request started; returns its idempotent `finish(ok)`. */
  start(): (ok: boolean) => void {
    this.inFlight++
    this.requests++
    let done = false
    return (ok) => {
      if (done) return
      done = true
      this.inFlight--
      if (!ok) this.errors++
      if (this.inFlight === 0 && this.#onIdle !== undefined) {
        const callback = this.#onIdle
        this.#onIdle = undefined
        callback()
      }
    }
  }

  /**
   * Keeps a request counted until `body` is consumed, where the platform can watch it (a Node
   * readable stream that has not ended); returns `false` (nothing to watch) otherwise.
   */
  watchBody(body: unknown, finish: (ok: boolean) => void): boolean {
    return platform.watchBody(body, finish, this.bodyIdleTimeout, this.clock)
  }
}

import { systemClock, type SessionClock } from './SessionClock.js'

/**
 * Counts one client's requests, from the start of `send()` until its response has been
 * consumed — a streaming body (`GetObject`'s `Body`) included — so the session can destroy an
 * evicted client only when it is idle.
 *
 * A Node stream body counts until it ends, errors or is destroyed, or until it makes no progress
 * (no bytes arrive on its socket) for `bodyIdleTimeout` ms: a body nobody reads must not keep an
 * evicted client alive for ever. Web-stream and blob bodies (browsers, where `destroy()` is a
 * no-op anyway) count until the response arrives.
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
   * Keeps a request counted until `body` is consumed, when `body` is a Node readable stream that
   * has not ended; returns `false` (nothing to watch) otherwise.
   */
  watchBody(body: unknown, finish: (ok: boolean) => void): boolean {
    if (!isOpenNodeStream(body)) return false
    const stream = body
    let lastProgress = progressOf(stream)
    const clock = this.clock
    let timer: unknown
    const settle = (ok: boolean): void => {
      if (timer !== undefined) clock.clearTimeout(timer)
      timer = undefined
      stream.off('end', onEnd)
      stream.off('close', onClose)
      stream.off('error', onError)
      finish(ok)
    }
    const onEnd = (): void => settle(true)
    const onError = (): void => settle(false)
    const onClose = (): void => settle(stream.readableEnded === true)
    const check = (): void => {
      const progress = progressOf(stream)
      if (progress === lastProgress) {
        settle(true) // abandoned: nobody is reading it
        return
      }
      lastProgress = progress
      arm()
    }
    const arm = (): void => {
      timer = clock.setTimeout(check, this.bodyIdleTimeout)
    }
    stream.once('end', onEnd)
    stream.once('close', onClose)
    stream.once('error', onError)
    arm()
    return true
  }
}

interface NodeStreamLike {
  readonly readableEnded?: boolean
  readonly destroyed?: boolean
  readonly readableLength?: number
  readonly socket?: { readonly bytesRead?: number } | null
  once(event: string, listener: (...args: unknown[]) => void): unknown
  off(event: string, listener: (...args: unknown[]) => void): unknown
  pipe: unknown
}

function isOpenNodeStream(body: unknown): body is NodeStreamLike {
  if (body === null || typeof body !== 'object') return false
  const stream = body as Partial<NodeStreamLike>
  return (
    typeof stream.once === 'function' &&
    typeof stream.off === 'function' &&
    typeof stream.pipe === 'function' &&
    stream.readableEnded !== true &&
    stream.destroyed !== true
  )
}

/** Bytes delivered so far: grows while data arrives, stops when nobody reads (backpressure). */
function progressOf(stream: NodeStreamLike): number {
  return stream.socket?.bytesRead ?? stream.readableLength ?? 0
}

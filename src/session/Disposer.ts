import { internals } from '../caches/CacheBase.js'
import type { CacheKey } from '../keys/CacheKey.js'
import { reportError } from '../reportError.js'
import type { EvictReason } from '../types.js'
import type { AnyCache, Built } from './Built.js'
import { entryEvent } from './entryEvent.js'
import type { MissDiagnostics } from './MissDiagnostics.js'
import type { SessionStats } from './SessionStats.js'

/**
 * What a session built, and the disposal of what it evicts: every eviction (any cache, any
 * reason) is counted and remembered for miss diagnostics; a client the session built (and whose
 * request handler it owns) is destroyed once idle, when `disposeEvicted` is on.
 * @internal
 */
export class Disposer {
  /** The value (client or resource) → what the session built for it. */
  readonly built = new WeakMap<object, Built>()
  readonly #disposals = new Set<Promise<void>>()
  readonly #stats: SessionStats
  readonly #diagnostics: MissDiagnostics
  readonly #disposeEvicted: boolean
  readonly #now: () => number

  constructor(
    stats: SessionStats,
    diagnostics: MissDiagnostics,
    disposeEvicted: boolean,
    now: () => number,
  ) {
    this.#stats = stats
    this.#diagnostics = diagnostics
    this.#disposeEvicted = disposeEvicted
    this.#now = now
  }

  /** The caches' `onEvict`. */
  evicted(cache: AnyCache, value: unknown, key: CacheKey, reason: EvictReason): void {
    this.#stats.evictions++
    this.#diagnostics.evicted(cache, key, reason)
    const built =
      typeof value === 'object' || typeof value === 'function'
        ? this.built.get(value as object)
        : undefined
    // Forget it now: V8 does not shrink a WeakMap's table when keys die, only on delete(), so
    // a session churning through distinct keys would otherwise grow without bound.
    if (built !== undefined) this.built.delete(value as object)
    if (built === undefined || !this.#disposeEvicted || !built.ownsHandler) return
    const done = new Promise<void>((resolve) => {
      built.tracker.whenIdle(() => {
        this.#destroy(built)
        resolve()
      })
    })
    this.#disposals.add(done)
    void done.then(() => this.#disposals.delete(done))
  }

  /** Resolves when every disposal under way has finished. */
  settled(): Promise<void> {
    return Promise.all([...this.#disposals]).then(noop)
  }

  #destroy(built: Built): void {
    if (built.disposed) return
    built.disposed = true
    try {
      built.client.destroy()
    } catch (error) {
      reportError(error, 'client.destroy()')
    }
    this.#stats.disposals++
    const cache = built.cache
    if (internals.hasListeners(cache)) {
      internals.emit(cache, entryEvent('dispose', built.key, cache, this.#now()))
    }
  }
}

function noop(): void {}

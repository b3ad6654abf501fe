import { invalidArgument, type CacheError } from './errors.js'
import { reportError } from './reportError.js'

/**
 * A minimal listener set: `subscribe(listener)` returns an idempotent unsubscribe. Listeners are
 * copied before each notification, so one may unsubscribe (or subscribe another) while it runs.
 * A listener that throws never disturbs the emitter or the other listeners; its error is
 * reported asynchronously-safe through `reportError` where the runtime has it, else `console.error`.
 * @internal
 */
export class Subscribable<E> {
  readonly #listeners = new Set<(event: E) => void>()
  readonly #Family: typeof CacheError

  /** @param Family - the error class thrown for a listener that is not a function. */
  constructor(Family: typeof CacheError) {
    this.#Family = Family
  }

  /** `true` when at least one listener is subscribed; check it before building an event. */
  get hasListeners(): boolean {
    return this.#listeners.size > 0
  }

  subscribe(listener: (event: E) => void): () => void {
    if (typeof listener !== 'function') {
      throw invalidArgument(this.#Family, 'listener', 'a function', listener)
    }
    // A wrapper per subscription, so one function subscribed twice gets two independent slots.
    const slot = (event: E): void => listener(event)
    this.#listeners.add(slot)
    return () => {
      this.#listeners.delete(slot)
    }
  }

  emit(event: E): void {
    if (this.#listeners.size === 0) return
    for (const listener of [...this.#listeners]) {
      try {
        listener(event)
      } catch (error) {
        reportError(error, 'an event listener')
      }
    }
  }
}

import { invalidArgument, type CacheError } from './errors.js'
import { reportError } from './reportError.js'

type Listener<E> = (event: E) => void

/**
 * A minimal listener list: `subscribe(listener)` returns an idempotent unsubscribe. The list is
 * copied on write (subscribe, unsubscribe), never on emit: an emit walks the list as it was when
 * the emit began, so a listener may unsubscribe (or subscribe another) while it runs, and an
 * event costs no allocation however many listen. A listener that throws never disturbs the
 * emitter or the other listeners; its error goes to `reportError`.
 * @internal
 */
export class Subscribable<E> {
  #listeners: readonly Listener<E>[] = []
  readonly #Family: typeof CacheError

  /** @param Family - the error class thrown for a listener that is not a function. */
  constructor(Family: typeof CacheError) {
    this.#Family = Family
  }

  /** `true` when at least one listener is subscribed; check it before building an event. */
  get hasListeners(): boolean {
    return this.#listeners.length > 0
  }

  subscribe(listener: Listener<E>): () => void {
    if (typeof listener !== 'function') {
      throw invalidArgument(this.#Family, 'listener', 'a function', listener)
    }
    // A wrapper per subscription, so one function subscribed twice gets two independent slots.
    const slot: Listener<E> = (event) => listener(event)
    this.#listeners = [...this.#listeners, slot]
    return () => {
      this.#listeners = this.#listeners.filter((other) => other !== slot)
    }
  }

  emit(event: E): void {
    const listeners = this.#listeners
    for (let i = 0; i < listeners.length; i++) {
      try {
        listeners[i]!(event)
      } catch (error) {
        reportError(error, 'an event listener')
      }
    }
  }
}

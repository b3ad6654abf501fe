/**
 * A page's window for bridge tests: `postMessage` delivers to this window's listeners at once
 * (a structured clone, as browsers do), with `event.source` this window, and records every post.
 */
import type { MessageEventLike, WindowLike } from '../src/WindowLike.js'

export class FakeWindow implements WindowLike {
  readonly posted: unknown[] = []
  readonly #listeners = new Set<(event: MessageEventLike) => void>()

  postMessage(message: unknown, _targetOrigin: string): void {
    this.posted.push(message)
    this.dispatch({ source: this, data: structuredClone(message) })
  }

  /** Delivers an event as if `source` posted it (another frame's window, for instance). */
  dispatch(event: MessageEventLike): void {
    for (const listener of [...this.#listeners]) listener(event)
  }

  addEventListener(_type: 'message', listener: (event: MessageEventLike) => void): void {
    this.#listeners.add(listener)
  }

  removeEventListener(_type: 'message', listener: (event: MessageEventLike) => void): void {
    this.#listeners.delete(listener)
  }
}

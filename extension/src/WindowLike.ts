/** A `message` event as the hook and the relay read it. */
export interface MessageEventLike {
  readonly source: unknown
  readonly data: unknown
}

/**
 * The part of `window` the hook and the relay use: posting to the page's own window and hearing
 * what is posted there. Tests pass a fake; the entry scripts pass `window`.
 */
export interface WindowLike {
  postMessage(message: unknown, targetOrigin: string): void
  addEventListener(type: 'message', listener: (event: MessageEventLike) => void): void
  removeEventListener(type: 'message', listener: (event: MessageEventLike) => void): void
}

/** The timers the hook and the reconnecting port use, injectable for fake time. */
export interface Timers {
  setTimeout(callback: () => void, ms: number): unknown
  clearTimeout(handle: unknown): void
}

/** The runtime's own timers. */
export const realTimers: Timers = {
  setTimeout: (callback, ms) => globalThis.setTimeout(callback, ms),
  clearTimeout: (handle) => globalThis.clearTimeout(handle as ReturnType<typeof setTimeout>),
}

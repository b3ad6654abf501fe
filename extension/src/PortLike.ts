/**
 * The part of a `chrome.runtime.Port` the bridge uses: what the service worker's router, the
 * relay and the panel are written against, so that tests drive them with fake ports and only the
 * entry scripts touch the `chrome` global.
 */
export interface PortLike {
  readonly name: string
  /** Who opened the port, as the browser tells it (never as a message claims). */
  readonly sender?: PortSender | undefined
  postMessage(message: unknown): void
  disconnect(): void
  readonly onMessage: PortEvent<(message: unknown) => void>
  readonly onDisconnect: PortEvent<() => void>
}

/** The fields of `chrome.runtime.MessageSender` the router reads. */
export interface PortSender {
  /** The extension that opened the port (our own id, for extension pages). */
  readonly id?: string | undefined
  readonly tab?: { readonly id?: number | undefined } | undefined
  readonly frameId?: number | undefined
  readonly url?: string | undefined
  readonly origin?: string | undefined
  /** Chrome only: stable for the life of the document. */
  readonly documentId?: string | undefined
}

export interface PortEvent<Listener> {
  addListener(listener: Listener): void
  removeListener(listener: Listener): void
}

/**
 * The extension runtime for bridge tests: `connect()` opens a pair of fake ports and hands the
 * worker's end to the current router, as `chrome.runtime.onConnect` does; `killWorker()` drops
 * every port (each side's `onDisconnect` fires on the other end, as in Chrome) and starts a
 * fresh router with no state. Like the real runtime, it delivers connections, messages and
 * disconnections asynchronously (here, in microtasks: `await settle()`); messages are JSON-copied,
 * as extension messaging does, and every one is recorded.
 */
import { createRouter, type Router } from '../src/createRouter.js'
import type { PortEvent, PortLike, PortSender } from '../src/PortLike.js'

/** Lets every queued delivery happen (fake timers: also runs timers due now). */
export async function settle(): Promise<void> {
  for (let i = 0; i < 20; i++) await Promise.resolve()
}

export const EXTENSION_ID = 'abcdefghijklmnopabcdefghijklmnop'
export const EXTENSION_ORIGIN = `chrome-extension://${EXTENSION_ID}/`

class Event<L extends (...args: never[]) => void> implements PortEvent<L> {
  readonly listeners = new Set<L>()
  addListener(listener: L): void {
    this.listeners.add(listener)
  }
  removeListener(listener: L): void {
    this.listeners.delete(listener)
  }
  fire(...args: Parameters<L>): void {
    for (const listener of [...this.listeners]) listener(...args)
  }
}

class FakePort implements PortLike {
  readonly onMessage = new Event<(message: unknown) => void>()
  readonly onDisconnect = new Event<() => void>()
  other!: FakePort
  open = true

  constructor(
    readonly name: string,
    readonly sender: PortSender | undefined,
    private readonly record: (message: string) => void,
  ) {}

  postMessage(message: unknown): void {
    if (!this.open) throw new Error('Attempting to use a disconnected port object')
    const json = JSON.stringify(message)
    this.record(json)
    const other = this.other
    queueMicrotask(() => {
      if (other.open) other.onMessage.fire(JSON.parse(json))
    })
  }

  disconnect(): void {
    if (!this.open) return
    this.open = false
    this.other.open = false
    const other = this.other
    queueMicrotask(() => other.onDisconnect.fire())
  }
}

export class FakeBrowser {
  /** Every message through any port, as JSON. */
  readonly messages: string[] = []
  router: Router = this.#newRouter()
  readonly #workerEnds = new Set<FakePort>()
  workerStarts = 1

  #newRouter(): Router {
    return createRouter({
      extensionId: EXTENSION_ID,
      extensionOrigin: EXTENSION_ORIGIN,
    })
  }

  /** `chrome.runtime.connect` from a context whose sender is `sender`. */
  connect(name: string, sender: PortSender): PortLike {
    const client = new FakePort(name, undefined, (m) => this.messages.push(m))
    const worker = new FakePort(name, sender, (m) => this.messages.push(m))
    client.other = worker
    worker.other = client
    this.#workerEnds.add(worker)
    worker.onDisconnect.addListener(() => this.#workerEnds.delete(worker))
    const router = this.router
    queueMicrotask(() => {
      if (worker.open) router.connect(worker)
    })
    return client
  }

  /** A content script's sender in frame `frameId` of tab `tabId`. */
  static frame(tabId: number, frameId: number, origin: string): PortSender {
    return {
      tab: { id: tabId },
      frameId,
      origin,
      url: `${origin}/page?token=t0p`,
      documentId: `doc-${tabId}-${frameId}`,
    }
  }

  /** An extension page's sender (the panel). */
  static panel(): PortSender {
    return { id: EXTENSION_ID, url: `${EXTENSION_ORIGIN}panel.html` }
  }

  /** Stops the worker: every port drops, and the next connection meets a fresh router. */
  killWorker(): void {
    this.router = this.#newRouter()
    this.workerStarts++
    for (const worker of [...this.#workerEnds]) {
      worker.open = false
      worker.other.open = false
      this.#workerEnds.delete(worker)
      const client = worker.other
      queueMicrotask(() => client.onDisconnect.fire())
    }
  }
}

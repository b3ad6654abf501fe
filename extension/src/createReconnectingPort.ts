import type { PortLike } from './PortLike.js'
import { realTimers, type Timers } from './WindowLike.js'

export interface ReconnectingPortOptions {
  /** Opens a port (`chrome.runtime.connect`); throws once the extension is gone (reloaded). */
  connect(): PortLike
  onMessage(message: unknown): void
  /** After each connection, the first included: resend whatever the other side must know. */
  onConnect?(): void
  /** After each disconnection, before the reconnect is scheduled. */
  onDisconnect?(): void
  readonly timers?: Timers
  readonly now?: () => number
}

export interface ReconnectingPort {
  /** Posts on the current port; `false` when there is none (between a disconnect and its reconnect). */
  post(message: unknown): boolean
  /** Disconnects for good. */
  close(): void
}

/** A port that lived this long counts as healthy: its successor connects at once. */
const HEALTHY_MS = 1000
const FIRST_RETRY_MS = 50
const MAX_RETRY_MS = 5000

/**
 * A port to the service worker that reconnects whenever it is dropped. An MV3 service worker is
 * stopped after about 30 s idle (or killed), which disconnects every port: the next
 * `runtime.connect` starts it again, and since it keeps no state of its own, each side's
 * `onConnect` resends what it must (the relay nothing, the panel whether it is shown). A port
 * that dies at once is retried after 50 ms, doubling to 5 s, so a refusing worker is not spun
 * on; `connect()` throwing means the extension was unloaded, and ends the retries.
 *
 * @example
 * ```ts
 * const port = createReconnectingPort({
 *   connect: () => chrome.runtime.connect({ name: 'aws-client-cache:relay' }),
 *   onMessage: (message) => console.log(message),
 * })
 * ```
 */
export function createReconnectingPort(options: ReconnectingPortOptions): ReconnectingPort {
  const { timers = realTimers, now = Date.now } = options
  let port: PortLike | undefined
  let closed = false
  let failures = 0
  let connectedAt = 0
  let retry: unknown

  const onMessage = (message: unknown): void => options.onMessage(message)
  const onDisconnect = (): void => {
    port?.onMessage.removeListener(onMessage)
    port = undefined
    options.onDisconnect?.()
    if (closed) return
    failures = now() - connectedAt >= HEALTHY_MS ? 0 : failures + 1
    const delay = failures === 0 ? 0 : Math.min(FIRST_RETRY_MS * 2 ** (failures - 1), MAX_RETRY_MS)
    retry = timers.setTimeout(open, delay)
  }

  function open(): void {
    retry = undefined
    if (closed) return
    let next: PortLike
    try {
      next = options.connect()
    } catch {
      closed = true
      return
    }
    port = next
    connectedAt = now()
    next.onMessage.addListener(onMessage)
    next.onDisconnect.addListener(onDisconnect)
    options.onConnect?.()
  }

  open()
  return {
    post(message) {
      if (port === undefined) return false
      try {
        port.postMessage(message)
        return true
      } catch {
        // Already disconnected: onDisconnect reconnects.
        return false
      }
    },
    close() {
      closed = true
      if (retry !== undefined) timers.clearTimeout(retry)
      const current = port
      port = undefined
      current?.onMessage.removeListener(onMessage)
      current?.onDisconnect.removeListener(onDisconnect)
      current?.disconnect()
    },
  }
}

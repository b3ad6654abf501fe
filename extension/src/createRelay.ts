import { BRIDGE } from './bridgeNames.js'
import { createReconnectingPort, type ReconnectingPort } from './createReconnectingPort.js'
import { parseHookCommand } from './HookCommand.js'
import { parseHookMessage } from './HookMessage.js'
import type { PortLike } from './PortLike.js'
import type { MessageEventLike, Timers, WindowLike } from './WindowLike.js'
import { HELLO, openEnvelope } from './windowEnvelope.js'

export interface RelayOptions {
  /** The page's window, as the isolated world sees it. */
  readonly window: WindowLike
  /** Opens the relay's port to the service worker (`chrome.runtime.connect`). */
  connect(): PortLike
  readonly timers?: Timers
  readonly now?: () => number
}

/**
 * The isolated-world content script of each frame: carries the hook's window messages to the
 * service worker and the panel's commands back, checking both ways that a message comes from this
 * window, carries the right source tag, is JSON within the size cap and has the schema; anything
 * else is dropped. It connects only once the hook says a session is here, and from then on
 * stays connected (reconnecting after the worker stops). When its port drops it tells the hook to
 * STOP: no panel is known to be listening until the worker says START again.
 *
 * @example
 * ```ts
 * createRelay({ window, connect: () => chrome.runtime.connect({ name: BRIDGE.RELAY_PORT }) })
 * ```
 */
export function createRelay(options: RelayOptions): { close(): void } {
  const { window: target } = options
  let port: ReconnectingPort | undefined

  const toHook = (message: unknown): void => {
    const command = parseHookCommand(message)
    if (command === undefined) return
    target.postMessage({ source: BRIDGE.RELAY_SOURCE, json: JSON.stringify(command) }, '*')
  }

  const connect = (): ReconnectingPort =>
    createReconnectingPort({
      connect: options.connect,
      onMessage: toHook,
      onDisconnect: () => toHook({ type: 'stop' }),
      ...(options.timers === undefined ? {} : { timers: options.timers }),
      ...(options.now === undefined ? {} : { now: options.now }),
    })

  const fromHook = (event: MessageEventLike): void => {
    const opened = openEnvelope(event, target, BRIDGE.HOOK_SOURCE)
    if (opened === HELLO) {
      port ??= connect()
      return
    }
    const message = parseHookMessage(opened)
    if (message === undefined) return
    port ??= connect()
    port.post(message)
  }
  target.addEventListener('message', fromHook)

  return {
    close() {
      target.removeEventListener('message', fromHook)
      port?.close()
    },
  }
}

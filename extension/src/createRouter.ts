import { BRIDGE } from './bridgeNames.js'
import type { FrameInfo } from './FrameInfo.js'
import type { HookCommand } from './HookCommand.js'
import { parseHookMessage } from './HookMessage.js'
import type { PanelMessage } from './PanelMessage.js'
import { parsePanelRequest } from './PanelRequest.js'
import type { PortLike, PortSender } from './PortLike.js'

export interface RouterOptions {
  /** `chrome.runtime.id`: a panel's port must come from this extension. */
  readonly extensionId: string
  /** `chrome.runtime.getURL('')`: a panel's port must come from one of its pages. */
  readonly extensionOrigin: string
  /** A fresh key for a frame whose sender has no `documentId` (Firefox). */
  readonly newKey?: () => string
}

export interface Router {
  /** Hand it every port `chrome.runtime.onConnect` delivers. */
  connect(port: PortLike): void
}

interface TabPorts {
  /** One relay per frame that has a session; the frame as `port.sender` told it. */
  readonly relays: Map<PortLike, FrameInfo>
  /** Panels inspecting the tab (DevTools panels, `panel.html?tabId=` tabs) and whether each is shown. */
  readonly panels: Map<PortLike, { shown: boolean }>
}

function send(port: PortLike, message: PanelMessage | HookCommand): void {
  try {
    port.postMessage(message)
  } catch {
    // Disconnected meanwhile: its onDisconnect tidies up.
  }
}

function originOf(sender: PortSender): string {
  if (typeof sender.origin === 'string') return sender.origin
  try {
    return new URL(sender.url ?? '').origin
  } catch {
    return 'null'
  }
}

const randomKey = (): string =>
  `frame-${Math.random().toString(36).slice(2)}${Math.random().toString(36).slice(2)}`

/**
 * The service worker's only job: pair each tab's relay ports (one per frame) with the panel
 * ports inspecting that tab, and carry messages between them.
 *
 * It keeps no state but what is attached to live ports, and stores nothing: an MV3 service
 * worker is stopped when idle, which disconnects every port, and each side then reconnects and
 * rebuilds this state (panels resend whether they are shown; relays are sent START again). Tab
 * and frame identity come from `port.sender` (set by the browser), never from a message; a relay
 * port without a tab, or a panel port not from this extension's pages, is disconnected. Hooks
 * send only while some panel of their tab is shown: START when one is shown (each START makes the
 * hook resync), STOP when the last one hides or goes.
 *
 * @example
 * ```ts
 * const router = createRouter({ extensionId: chrome.runtime.id, extensionOrigin: chrome.runtime.getURL('') })
 * chrome.runtime.onConnect.addListener(router.connect)
 * ```
 */
export function createRouter(options: RouterOptions): Router {
  const { extensionId, extensionOrigin, newKey = randomKey } = options
  const tabs = new Map<number, TabPorts>()

  const tabPorts = (tabId: number): TabPorts => {
    let tab = tabs.get(tabId)
    if (tab === undefined) {
      tab = { relays: new Map(), panels: new Map() }
      tabs.set(tabId, tab)
    }
    return tab
  }
  const forget = (tabId: number, tab: TabPorts): void => {
    if (tab.relays.size === 0 && tab.panels.size === 0) tabs.delete(tabId)
  }
  const anyShown = (tab: TabPorts): boolean => {
    for (const panel of tab.panels.values()) if (panel.shown) return true
    return false
  }
  const toPanels = (tab: TabPorts, message: PanelMessage): void => {
    for (const panel of tab.panels.keys()) send(panel, message)
  }
  const toRelays = (tab: TabPorts, command: HookCommand): void => {
    for (const relay of tab.relays.keys()) send(relay, command)
  }

  function connectRelay(port: PortLike): void {
    const sender = port.sender ?? {}
    const tabId = sender.tab?.id
    const frameId = sender.frameId
    if (!Number.isSafeInteger(tabId) || tabId! < 0 || !Number.isSafeInteger(frameId)) {
      port.disconnect()
      return
    }
    const tab = tabPorts(tabId!)
    const frame: FrameInfo = {
      key: sender.documentId ?? newKey(),
      frameId: frameId!,
      origin: originOf(sender),
    }
    tab.relays.set(port, frame)
    port.onMessage.addListener((message) => {
      const parsed = parseHookMessage(message)
      if (parsed !== undefined) toPanels(tab, { type: 'hook', key: frame.key, message: parsed })
    })
    port.onDisconnect.addListener(() => {
      tab.relays.delete(port)
      toPanels(tab, { type: 'frame-gone', key: frame.key })
      forget(tabId!, tab)
    })
    toPanels(tab, { type: 'frame', frame })
    if (anyShown(tab)) send(port, { type: 'start' })
  }

  function connectPanel(port: PortLike, tabId: number): void {
    const sender = port.sender ?? {}
    if (sender.id !== extensionId || !(sender.url ?? '').startsWith(extensionOrigin)) {
      port.disconnect()
      return
    }
    const tab = tabPorts(tabId)
    const state = { shown: false }
    tab.panels.set(port, state)
    port.onMessage.addListener((message) => {
      const request = parsePanelRequest(message)
      if (request === undefined) return
      if (request.type === 'action') {
        for (const [relay, frame] of tab.relays) {
          if (frame.key === request.frame) send(relay, request.action)
        }
        return
      }
      const wasShown = anyShown(tab)
      state.shown = request.shown
      // Every panel that shows asks for a resync: it may hold nothing yet.
      if (request.shown) toRelays(tab, { type: 'start' })
      else if (wasShown && !anyShown(tab)) toRelays(tab, { type: 'stop' })
    })
    port.onDisconnect.addListener(() => {
      const wasShown = anyShown(tab)
      tab.panels.delete(port)
      if (wasShown && !anyShown(tab)) toRelays(tab, { type: 'stop' })
      forget(tabId, tab)
    })
    send(port, { type: 'frames', frames: [...tab.relays.values()] })
  }

  return {
    connect(port) {
      if (port.name === BRIDGE.RELAY_PORT) {
        connectRelay(port)
        return
      }
      if (port.name.startsWith(BRIDGE.PANEL_PORT_PREFIX)) {
        const tabId = Number(port.name.slice(BRIDGE.PANEL_PORT_PREFIX.length))
        if (Number.isSafeInteger(tabId) && tabId >= 0) {
          connectPanel(port, tabId)
          return
        }
      }
      port.disconnect()
    },
  }
}

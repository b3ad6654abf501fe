import { useEffect, useState, useSyncExternalStore } from 'react'
import {
  createPanelConnection,
  type PanelConnection,
  type RemoteTarget,
} from './createPanelConnection.js'
import { BRIDGE } from './bridgeNames.js'
import { PANEL_SHOWN_EVENT } from './panelShownEvent.js'

export interface PanelState {
  readonly targets: readonly RemoteTarget[]
  readonly connected: boolean
}

/**
 * Connects the panel to the inspected tab for as long as the component is mounted, and tells
 * the service worker whether the panel is shown: in DevTools, as the DevTools page reports
 * (`PANEL_SHOWN_EVENT`); as an ordinary tab, while the tab is visible.
 */
export function usePanelConnection(tabId: number, inDevtools: boolean): PanelState {
  const [connection] = useState<PanelConnection>(() =>
    createPanelConnection({
      connect: () => {
        const port = chrome.runtime.connect({ name: `${BRIDGE.PANEL_PORT_PREFIX}${tabId}` })
        port.onDisconnect.addListener(() => void chrome.runtime.lastError)
        return port
      },
    }),
  )
  useEffect(() => {
    const visible = (): void => connection.setShown(document.visibilityState === 'visible')
    const shownEvent = (event: Event): void =>
      connection.setShown((event as CustomEvent).detail === true)
    if (inDevtools) {
      // Loaded because it is being shown.
      connection.setShown(true)
      window.addEventListener(PANEL_SHOWN_EVENT, shownEvent)
    } else {
      visible()
      document.addEventListener('visibilitychange', visible)
    }
    return () => {
      window.removeEventListener(PANEL_SHOWN_EVENT, shownEvent)
      document.removeEventListener('visibilitychange', visible)
    }
  }, [connection, inDevtools])
  useEffect(() => () => connection.close(), [connection])
  const targets = useSyncExternalStore(connection.subscribe, connection.targets)
  const connected = useSyncExternalStore(connection.subscribe, connection.connected)
  return { targets, connected }
}

/**
 * Content script in the extension's isolated world (`document_start`, every frame): relays
 * between the hook's window messages and the service worker (see `createRelay`).
 */
import { BRIDGE } from './bridgeNames.js'
import { createRelay } from './createRelay.js'

createRelay({
  window,
  connect: () => {
    const port = chrome.runtime.connect({ name: BRIDGE.RELAY_PORT })
    // Read, so that a worker stopped mid-message logs no "Unchecked runtime.lastError".
    port.onDisconnect.addListener(() => void chrome.runtime.lastError)
    return port
  },
})

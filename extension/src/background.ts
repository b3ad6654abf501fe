/**
 * The service worker (Chrome) or background script (Firefox): pairs each tab's relays with its
 * panels (see `createRouter`). Its listener is registered synchronously at the top level, so a
 * worker started by a `runtime.connect` hears that very connection.
 */
import { createRouter } from './createRouter.js'

const router = createRouter({
  extensionId: chrome.runtime.id ?? '',
  extensionOrigin: chrome.runtime.getURL(''),
})
chrome.runtime.onConnect.addListener((port) => router.connect(port))

/**
 * Content script in the page's own world (`"world": "MAIN"`, `document_start`, every frame):
 * installs the hook before any page script runs, so each development-build session registers
 * with it. The hook is not enumerable and cannot be replaced by the page.
 */
import { BRIDGE } from './bridgeNames.js'
import { createHook } from './createHook.js'

const key = Symbol.for(BRIDGE.HOOK_KEY)
if (!(key in globalThis)) {
  Object.defineProperty(globalThis, key, {
    value: Object.freeze(createHook({ window })),
    configurable: false,
    enumerable: false,
    writable: false,
  })
}

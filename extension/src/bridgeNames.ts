/**
 * The names the bridge's parts agree on. The window-message tags mark which side posted a
 * message; anything else posted on the page's window is ignored. They are no secret and no
 * authentication: a page may forge them, and then only talks to itself (frame and tab identity
 * come from `port.sender`, which the page cannot touch).
 */
export const BRIDGE = {
  /** `globalThis[Symbol.for(HOOK_KEY)]` is the hook sessions register with. */
  HOOK_KEY: 'aws-client-cache.devtools',
  /** Tag of window messages from the hook (page world) to the relay. */
  HOOK_SOURCE: 'aws-client-cache-devtools:hook',
  /** Tag of window messages from the relay (isolated world) to the hook. */
  RELAY_SOURCE: 'aws-client-cache-devtools:relay',
  /** Name of the relay's port to the service worker. */
  RELAY_PORT: 'aws-client-cache:relay',
  /** Prefix of a panel's port name; the inspected tab's id follows. */
  PANEL_PORT_PREFIX: 'aws-client-cache:panel:',
} as const

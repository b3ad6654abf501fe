/**
 * A page frame wired like the real extension: a fake window with the hook installed and the relay
 * listening, connected to a {@link FakeBrowser}; and a panel connection to a tab.
 */
import type { DevtoolsHandle } from 'aws-client-cache'
import { BRIDGE } from '../src/bridgeNames.js'
import { createHook, type HookOptions } from '../src/createHook.js'
import { createPanelConnection, type PanelConnection } from '../src/createPanelConnection.js'
import { createRelay } from '../src/createRelay.js'
import { FakeBrowser } from './fakeBrowser.js'
import { FakeWindow } from './fakeWindow.js'

export interface Frame {
  readonly window: FakeWindow
  register(handle: DevtoolsHandle): () => void
  /** The document goes (navigation, frame removed): its relay's port closes. */
  close(): void
}

export function openFrame(
  browser: FakeBrowser,
  tabId: number,
  frameId: number,
  origin: string,
  hookOptions: Partial<HookOptions> = {},
  documentId = `doc-${tabId}-${frameId}`,
): Frame {
  const window = new FakeWindow()
  const hook = createHook({ window, ...hookOptions })
  const relay = createRelay({
    window,
    connect: () =>
      browser.connect(BRIDGE.RELAY_PORT, {
        ...FakeBrowser.frame(tabId, frameId, origin),
        documentId,
      }),
  })
  return { window, register: (handle) => hook.register(handle), close: () => relay.close() }
}

export function openPanel(browser: FakeBrowser, tabId: number): PanelConnection {
  return createPanelConnection({
    connect: () => browser.connect(`${BRIDGE.PANEL_PORT_PREFIX}${tabId}`, FakeBrowser.panel()),
  })
}

/** The hook's posts on a window, parsed (hellos left out). */
export function hookPosts(window: FakeWindow): { type: string; [key: string]: unknown }[] {
  return window.posted
    .filter(
      (m): m is { source: string; json: string } =>
        typeof m === 'object' &&
        m !== null &&
        (m as { source?: unknown }).source === BRIDGE.HOOK_SOURCE &&
        typeof (m as { json?: unknown }).json === 'string',
    )
    .map((m) => JSON.parse(m.json) as { type: string })
}

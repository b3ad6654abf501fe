import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE } from './bridgeNames.js'
import { openFrame, openPanel } from '../test-support/bridgeHarness.js'
import { EXTENSION_ORIGIN, FakeBrowser, settle } from '../test-support/fakeBrowser.js'
import { FakeClient, sessionHandle } from '../test-support/handles.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the router pairs ports by tab, frames by sender', () => {
  it('routes two tabs × two frames apart, each session labelled with its own frame', async () => {
    const browser = new FakeBrowser()
    const frames = [
      { tab: 1, frame: 0, origin: 'http://app.test' },
      { tab: 1, frame: 3, origin: 'http://widget.test' },
      { tab: 2, frame: 0, origin: 'http://other.test' },
      { tab: 2, frame: 5, origin: 'http://ads.test' },
    ].map((where) => {
      const frame = openFrame(browser, where.tab, where.frame, where.origin)
      const { session, handle } = sessionHandle()
      session.client(FakeClient, { region: 'eu-west-1' })
      frame.register(handle)
      return { ...where, frame, session, id: handle.id }
    })
    const panel1 = openPanel(browser, 1)
    const panel2 = openPanel(browser, 2)
    panel1.setShown(true)
    panel2.setShown(true)
    await settle()

    const labels = (panel: typeof panel1) => panel.targets().map((t) => t.label)
    expect(labels(panel1)).toEqual([
      `http://app.test · top frame · ${frames[0]!.id}`,
      `http://widget.test · frame 3 · ${frames[1]!.id}`,
    ])
    expect(labels(panel2)).toEqual([
      `http://other.test · top frame · ${frames[2]!.id}`,
      `http://ads.test · frame 5 · ${frames[3]!.id}`,
    ])
    // The origin only: the page's URL (and its query) never reaches the panel.
    expect(browser.messages.join('\n')).not.toContain('token=t0p')

    // Live events reach only their own tab's panel.
    const seen = { 1: 0, 2: 0 }
    for (const [tab, panel] of [
      [1, panel1],
      [2, panel2],
    ] as const) {
      for (const target of panel.targets()) target.handle.subscribe(() => seen[tab]++)
    }
    frames[1]!.session.client(FakeClient, { region: 'eu-west-1' })
    await vi.advanceTimersByTimeAsync(150)
    expect(seen).toEqual({ 1: 1, 2: 0 })

    // An action reaches only the session it names, in the frame it names.
    const widget = panel1.targets()[1]!
    const keyId = widget.handle.snapshot().caches.client.LRU.entries[0]!.id
    widget.handle.evict('client', 'LRU', keyId)
    await vi.advanceTimersByTimeAsync(150)
    expect(frames.map((f) => f.session.snapshot().caches.client.LRU.size)).toEqual([1, 0, 1, 1])
    expect(widget.handle.snapshot().caches.client.LRU.size).toBe(0)
    expect(panel1.targets()[0]!.handle.snapshot().caches.client.LRU.size).toBe(1)
  })

  it('disconnects a relay without a tab, a panel not from this extension, and unknown ports', async () => {
    const browser = new FakeBrowser()
    const dropped: string[] = []
    const attempt = (name: string, sender: Parameters<FakeBrowser['connect']>[1]) => {
      const port = browser.connect(name, sender)
      port.onDisconnect.addListener(() => dropped.push(name))
    }
    attempt(BRIDGE.RELAY_PORT, { frameId: 0, origin: 'http://app.test' })
    attempt(`${BRIDGE.PANEL_PORT_PREFIX}1`, {
      id: 'another-extension',
      url: 'chrome-extension://x/panel.html',
    })
    attempt(`${BRIDGE.PANEL_PORT_PREFIX}1`, { tab: { id: 1 }, frameId: 0, url: 'http://app.test/' })
    attempt(`${BRIDGE.PANEL_PORT_PREFIX}one`, FakeBrowser.panel())
    attempt('something-else', FakeBrowser.panel())
    await settle()
    expect(dropped).toHaveLength(5)
    attempt(`${BRIDGE.PANEL_PORT_PREFIX}1`, {
      id: 'abcdefghijklmnopabcdefghijklmnop',
      url: `${EXTENSION_ORIGIN}panel.html`,
    })
    await settle()
    expect(dropped).toHaveLength(5)
  })

  it('clears a frame when its document goes, and attaches the next one', async () => {
    const browser = new FakeBrowser()
    const panel = openPanel(browser, 1)
    panel.setShown(true)
    const first = openFrame(browser, 1, 0, 'http://app.test')
    const firstSession = sessionHandle()
    first.register(firstSession.handle)
    await settle()
    expect(panel.targets().map((t) => t.handle.id)).toEqual([firstSession.handle.id])
    // Navigation: the old document's relay goes with it; the new document's hook and relay start.
    first.close()
    await settle()
    expect(panel.targets()).toEqual([])
    const next = openFrame(browser, 1, 0, 'http://app.test', {}, 'doc-next')
    const nextSession = sessionHandle()
    next.register(nextSession.handle)
    await settle()
    expect(panel.targets().map((t) => t.handle.id)).toEqual([nextSession.handle.id])
  })
})

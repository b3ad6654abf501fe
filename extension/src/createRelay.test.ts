import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { MAX_MESSAGE_CHARS } from './bridgeLimits.js'
import { BRIDGE } from './bridgeNames.js'
import { openFrame, openPanel } from '../test-support/bridgeHarness.js'
import { FakeBrowser, settle } from '../test-support/fakeBrowser.js'
import { FakeWindow } from '../test-support/fakeWindow.js'
import { FakeClient, hit, sessionHandle, syntheticHandle } from '../test-support/handles.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the relay drops forged and malformed page messages', () => {
  it('passes on only this window’s tagged, well-formed JSON within the cap', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const real = sessionHandle()
    real.session.client(FakeClient, { region: 'eu-west-1' })
    frame.register(real.handle)
    const panel = openPanel(browser, 1)
    panel.setShown(true)
    await settle()
    expect(panel.targets()).toHaveLength(1)
    const before = browser.messages.length

    const snapshot = real.handle.snapshot()
    const forged = (data: unknown, source: unknown = frame.window) =>
      frame.window.dispatch({ source, data })
    const wellFormed = JSON.stringify({
      type: 'session',
      key: 'forged',
      version: '1',
      snapshot: { ...snapshot, id: 'forged' },
    })
    forged({ source: BRIDGE.HOOK_SOURCE, json: wellFormed }, new FakeWindow()) // another frame's window
    forged({ source: BRIDGE.HOOK_SOURCE, json: wellFormed }, null)
    forged({ source: 'someone-else', json: wellFormed })
    forged({ json: wellFormed })
    forged({ source: BRIDGE.HOOK_SOURCE, json: '{not json' })
    forged({ source: BRIDGE.HOOK_SOURCE, json: JSON.stringify({ type: 'session', key: 'x' }) })
    forged({
      source: BRIDGE.HOOK_SOURCE,
      json: JSON.stringify({ type: 'session', key: '', version: '1', snapshot }),
    }) // no key
    const client = snapshot.caches.client
    const entry = { ...client.LRU.entries[0]!, hits: {} }
    forged({
      source: BRIDGE.HOOK_SOURCE,
      json: JSON.stringify({
        type: 'session',
        key: 'x',
        version: '1',
        snapshot: {
          ...snapshot,
          caches: {
            ...snapshot.caches,
            client: { ...client, LRU: { ...client.LRU, entries: [entry] } },
          },
        },
      }),
    }) // an entry's hits not a number: would crash the panel
    forged({
      source: BRIDGE.HOOK_SOURCE,
      json: JSON.stringify({
        type: 'batch',
        sessions: [{ key: 'r1', snapshot, events: [{ type: 'boom', at: 1 }], dropped: 0 }],
      }),
    })
    forged({
      source: BRIDGE.HOOK_SOURCE,
      json: JSON.stringify({
        type: 'batch',
        sessions: [{ key: 'r1', snapshot, events: [{ ...hit(1), label: {} }], dropped: 0 }],
      }),
    }) // a label not text
    forged({
      source: BRIDGE.HOOK_SOURCE,
      json: JSON.stringify({
        type: 'batch',
        sessions: [{ key: 'r1', snapshot, events: [], dropped: 0 }],
      }),
    }) // no event: the panel would not re-read the snapshot
    forged({ source: BRIDGE.HOOK_SOURCE, json: JSON.stringify({ type: 'evil' }) })
    forged({ source: BRIDGE.HOOK_SOURCE, json: { type: 'removed', key: 'r1' } }) // not text
    forged({
      source: BRIDGE.HOOK_SOURCE,
      json: JSON.stringify({
        type: 'removed',
        key: 'r1',
        pad: 'x'.repeat(MAX_MESSAGE_CHARS),
      }),
    })
    forged('a string')
    forged(null)
    forged([BRIDGE.HOOK_SOURCE])
    await settle()
    expect(browser.messages.slice(before)).toEqual([])
    expect(panel.targets().map((t) => t.handle.id)).toEqual([real.handle.id])

    // The same message from the page's own window with the tag passes: a page can only speak for
    // its own frame (the panel shows it under this frame's origin, from port.sender).
    forged({ source: BRIDGE.HOOK_SOURCE, json: wellFormed })
    await settle()
    expect(panel.targets().map((t) => t.label)).toContain('http://app.test · top frame · forged')
  })

  it('passes no forged command to the hook', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const session = syntheticHandle('s-1')
    frame.register(session.handle)
    frame.window.dispatch({
      source: new FakeWindow(),
      data: { source: BRIDGE.RELAY_SOURCE, json: '{"type":"start"}' },
    })
    frame.window.dispatch({
      source: frame.window,
      data: { source: BRIDGE.RELAY_SOURCE, json: '{"type":"start"' },
    })
    frame.window.dispatch({
      source: frame.window,
      data: { source: BRIDGE.RELAY_SOURCE, json: '{"type":"launch"}' },
    })
    await settle()
    expect(session.counts.subscribed).toBe(0)
  })
})

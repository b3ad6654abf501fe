import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { openFrame, openPanel } from '../test-support/bridgeHarness.js'
import { FakeBrowser } from '../test-support/fakeBrowser.js'
import { FakeClient, sessionHandle, syntheticHandle } from '../test-support/handles.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('a stopped service worker', () => {
  it('is restarted by the reconnecting ports, and the panel resyncs', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const { session, handle } = sessionHandle()
    session.client(FakeClient, { region: 'eu-west-1' })
    frame.register(handle)
    const panel = openPanel(browser, 1)
    panel.setShown(true)
    await vi.advanceTimersByTimeAsync(2000)
    expect(panel.targets()[0]!.handle.snapshot().caches.client.LRU.size).toBe(1)

    const probe = syntheticHandle('probe')
    frame.register(probe.handle)
    await vi.advanceTimersByTimeAsync(1)
    expect(probe.counts).toEqual({ subscribed: 1, unsubscribed: 0 })
    browser.killWorker()
    // While the worker is down the page changes; nothing can be sent.
    await Promise.resolve()
    session.client(FakeClient, { region: 'ap-south-1' })
    expect(panel.connected()).toBe(false)
    // The relay told the hook STOP: no panel is known to listen.
    expect(probe.counts).toEqual({ subscribed: 1, unsubscribed: 1 })

    // Both sides reconnect at once (the ports had lived long): within a tick of fake time.
    await vi.advanceTimersByTimeAsync(1)
    expect(browser.workerStarts).toBe(2)
    expect(panel.connected()).toBe(true)
    const target = panel.targets()[0]!
    expect(target.handle.snapshot().caches.client.LRU.size).toBe(2)
    expect(probe.counts).toEqual({ subscribed: 2, unsubscribed: 1 })

    // Live again.
    const events: string[] = []
    target.handle.subscribe((event) => events.push(event.type))
    session.client(FakeClient, { region: 'eu-west-1' })
    await vi.advanceTimersByTimeAsync(150)
    expect(events).toEqual(['hit'])
  })

  it('backs off when a port dies at once, and stops when the extension is gone', async () => {
    const { createReconnectingPort } = await import('./createReconnectingPort.js')
    const browser = new FakeBrowser()
    let connects = 0
    createReconnectingPort({
      connect: () => {
        connects++
        if (connects > 6) throw new Error('Extension context invalidated.')
        return browser.connect('nobody-knows-this-name', FakeBrowser.panel()) // refused at once
      },
      onMessage: () => {},
    })
    await vi.advanceTimersByTimeAsync(40)
    expect(connects).toBe(1)
    await vi.advanceTimersByTimeAsync(60_000)
    expect(connects).toBe(7)
  })
})

import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BATCH_MS, MAX_MESSAGE_CHARS } from './bridgeLimits.js'
import { BRIDGE } from './bridgeNames.js'
import { parseHookMessage } from './HookMessage.js'
import { hookPosts, openFrame, openPanel } from '../test-support/bridgeHarness.js'
import { FakeBrowser, settle } from '../test-support/fakeBrowser.js'
import { emptySnapshot, hit, syntheticHandle } from '../test-support/handles.js'

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
})

describe('the hook', () => {
  it('subscribes to nothing and posts nothing but a hello before START, and lets go on STOP', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const session = syntheticHandle('s-1')
    frame.register(session.handle)
    session.emit(hit(1))
    const panel = openPanel(browser, 1) // connected, not shown
    await vi.advanceTimersByTimeAsync(1000)
    expect(session.counts.subscribed).toBe(0)
    expect(hookPosts(frame.window)).toEqual([])
    expect(frame.window.posted).toEqual([{ source: BRIDGE.HOOK_SOURCE, hello: true }])

    panel.setShown(true)
    await settle()
    expect(session.counts).toEqual({ subscribed: 1, unsubscribed: 0 })
    expect(hookPosts(frame.window).map((m) => m.type)).toEqual(['sessions', 'session'])

    panel.setShown(false)
    await settle()
    expect(session.counts).toEqual({ subscribed: 1, unsubscribed: 1 })
    const posts = hookPosts(frame.window).length
    session.emit(hit(2))
    vi.advanceTimersByTime(1000)
    expect(hookPosts(frame.window)).toHaveLength(posts)
  })

  it('batches 10,000 events in a second into about ten messages', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const session = syntheticHandle('s-1')
    frame.register(session.handle)
    const panel = openPanel(browser, 1)
    panel.setShown(true)
    await settle()
    const received: unknown[] = []
    panel.targets()[0]!.handle.subscribe((event) => received.push(event))
    const before = hookPosts(frame.window).length

    for (let ms = 0; ms < 1000; ms++) {
      for (let i = 0; i < 10; i++) session.emit(hit(ms * 10 + i))
      vi.advanceTimersByTime(1)
    }
    await vi.advanceTimersByTimeAsync(BATCH_MS)
    const batches = hookPosts(frame.window).slice(before)
    expect(batches.every((m) => m.type === 'batch')).toBe(true)
    expect(batches.length).toBeGreaterThanOrEqual(10)
    expect(batches.length).toBeLessThanOrEqual(11)
    // 1,000 events per batch, at most 500 carried: the rest counted, none lost silently.
    const sessions = batches.flatMap((m) => m.sessions as { events: unknown[]; dropped: number }[])
    const carried = sessions.reduce((n, s) => n + s.events.length, 0)
    const dropped = sessions.reduce((n, s) => n + s.dropped, 0)
    expect(carried + dropped).toBe(10_000)
    expect(received).toHaveLength(carried)
    console.info(
      `10,000 events in 1 s → ${batches.length} messages (${carried} events carried, ${dropped} counted as dropped)`,
    )
  })

  it('posts about ten messages a second under 1,000 events a second', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const session = syntheticHandle('s-1')
    frame.register(session.handle)
    openPanel(browser, 1).setShown(true)
    await settle()
    const before = hookPosts(frame.window).length
    const seconds = 10
    for (let ms = 0; ms < seconds * 1000; ms++) {
      session.emit(hit(ms))
      vi.advanceTimersByTime(1)
    }
    const perSecond = (hookPosts(frame.window).length - before) / seconds
    console.info(`1,000 events/s → ${perSecond} messages/s out of the hook`)
    expect(perSecond).toBeLessThanOrEqual(1000 / BATCH_MS)
    expect(perSecond).toBeGreaterThanOrEqual(1000 / BATCH_MS - 1)
  })

  it('keeps every message within the size cap, trimming old events then entries', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const base = emptySnapshot('big')
    const long = 'x'.repeat(400)
    const entries = Array.from({ length: 2000 }, (_, i) => ({
      id: `key-${i}`,
      label: `S3Client(${long}) #${i}`,
      className: 'S3Client',
      region: 'us-east-1',
      hits: 0,
      frequency: 1,
      inFlight: 0,
      requests: 0,
      errors: 0,
      createdAt: 0,
      lastUsedAt: 0,
    }))
    const session = syntheticHandle('big', {
      ...base,
      id: 'big',
      caches: {
        ...base.caches,
        client: {
          ...base.caches.client,
          LRU: { ...base.caches.client.LRU, maxSize: 2000, size: 2000, entries },
        },
      },
    })
    frame.register(session.handle)
    const panel = openPanel(browser, 1)
    panel.setShown(true)
    await settle()
    for (let i = 0; i < 400; i++) session.emit(hit(i, `S3Client(${long}) #${i}`))
    await vi.advanceTimersByTimeAsync(BATCH_MS)
    const json = frame.window.posted
      .filter((m) => (m as { source?: string }).source === BRIDGE.HOOK_SOURCE)
      .map((m) => (m as { json?: string }).json)
      .filter((j): j is string => j !== undefined)
    expect(json.length).toBeGreaterThanOrEqual(3)
    for (const text of json) {
      expect(text.length).toBeLessThanOrEqual(MAX_MESSAGE_CHARS)
      expect(parseHookMessage(JSON.parse(text)), text.slice(0, 300)).toBeDefined()
    }
    // The panel still has the session, its true size, and what fitted.
    const handle = panel.targets()[0]!.handle
    expect(handle.snapshot().caches.client.LRU.size).toBe(2000)
    expect(handle.snapshot().caches.client.LRU.entries.length).toBeLessThan(2000)
  })
})

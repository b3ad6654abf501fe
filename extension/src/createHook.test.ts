import type { SessionSnapshot } from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { eventLogOf } from '../../devtools/EventLog.js'
import { BATCH_MS, MAX_MESSAGE_CHARS } from './bridgeLimits.js'
import { BRIDGE } from './bridgeNames.js'
import { parseHookMessage } from './HookMessage.js'
import { hookPosts, openFrame, openPanel } from '../test-support/bridgeHarness.js'
import { FakeBrowser, settle } from '../test-support/fakeBrowser.js'
import {
  emptySnapshot,
  entrySnapshot,
  hit,
  snapshotWithEntries,
  syntheticHandle,
} from '../test-support/handles.js'

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
    const long = 'x'.repeat(400)
    const entries = Array.from({ length: 2000 }, (_, i) =>
      entrySnapshot(i, `S3Client(${long}) #${i}`),
    )
    const session = syntheticHandle('big', snapshotWithEntries('big', entries))
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

  it('keeps apart two sessions with the same id (two copies of the library in one page)', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    const first = syntheticHandle('session-1')
    const second = syntheticHandle('session-1')
    const unregisterFirst = frame.register(first.handle)
    frame.register(second.handle)
    const panel = openPanel(browser, 1)
    panel.setShown(true)
    await settle()

    // Both listed, each under its own key; the label tells them apart.
    const targets = panel.targets()
    expect(targets.map((t) => t.handle.id)).toEqual(['session-1', 'session-1'])
    expect(new Set(targets.map((t) => t.key)).size).toBe(2)
    expect(targets.map((t) => t.label)).toEqual([
      'http://app.test · top frame · session-1 (r1)',
      'http://app.test · top frame · session-1 (r2)',
    ])
    expect(first.counts.subscribed).toBe(1)
    expect(second.counts.subscribed).toBe(1)

    // Actions reach the session they were asked of.
    targets[1]!.handle.evict('client', 'LRU', 'key-2')
    targets[0]!.handle.clear('resource', 'LFU')
    targets[1]!.handle.resize('client', 'LFU', 7)
    await settle()
    expect(first.actions).toEqual(['clear resource LFU'])
    expect(second.actions).toEqual(['evict client LRU key-2', 'resize client LFU 7'])

    // Events and snapshots reach only their own session's handle.
    const heard: string[] = []
    targets[0]!.handle.subscribe((e) => heard.push(`first ${'keyId' in e ? e.keyId : ''}`))
    targets[1]!.handle.subscribe((e) => heard.push(`second ${'keyId' in e ? e.keyId : ''}`))
    second.setSnapshot({ ...emptySnapshot('session-1'), regionName: 'eu-west-1' })
    second.emit(hit(2))
    await vi.advanceTimersByTimeAsync(BATCH_MS)
    expect(heard).toEqual(['second key-2'])
    expect(targets[0]!.handle.snapshot().regionName).toBe('us-east-1')
    expect(targets[1]!.handle.snapshot().regionName).toBe('eu-west-1')

    // Disposing one leaves the other, which no longer needs its key in the label.
    unregisterFirst()
    await settle()
    expect(panel.targets().map((t) => t.handle)).toEqual([targets[1]!.handle])
    expect(panel.targets()[0]!.label).toBe('http://app.test · top frame · session-1')
    expect(first.counts.unsubscribed).toBe(1)
    expect(second.counts.unsubscribed).toBe(0)
  })

  it('makes the panel re-read a snapshot near the size cap on every batch', async () => {
    const browser = new FakeBrowser()
    const frame = openFrame(browser, 1, 0, 'http://app.test')
    // A snapshot whose batch, with no event, just fits in one message; one event does not.
    const room = MAX_MESSAGE_CHARS - '{"type":"batch","sessions":[]}'.length
    const entry = (i: number, pad = 0) =>
      entrySnapshot(i, `S3Client(${'x'.repeat(200 + pad)}) #${i}`)
    const big = (hits: number, pad: number): SessionSnapshot =>
      snapshotWithEntries(
        'big',
        Array.from({ length: 600 }, (_, i) => entry(i, i === 0 ? pad : 0)),
        hits,
      )
    const batchLength = (snapshot: SessionSnapshot) =>
      JSON.stringify({ key: 'r1', snapshot, events: [], dropped: 0 }).length
    const pad = room - 10 - batchLength(big(1, 0))
    expect(pad).toBeGreaterThan(0)
    expect(batchLength(big(1, pad))).toBe(room - 10)

    const session = syntheticHandle('big', big(0, pad))
    frame.register(session.handle)
    const panel = openPanel(browser, 1)
    panel.setShown(true)
    await settle()
    const handle = panel.targets()[0]!.handle
    // What the panel's store does: re-read the snapshot when the event log says it changed.
    const log = eventLogOf(handle)
    const release = log.retain()
    const seen: number[] = []
    log.watch(() => seen.push(handle.snapshot().stats.hits))

    for (let hits = 1; hits <= 3; hits++) {
      session.setSnapshot(big(hits, pad))
      session.emit(hit(hits))
      await vi.advanceTimersByTimeAsync(BATCH_MS)
      expect(seen.at(-1)).toBe(hits)
    }
    // The newest event made it; entries were cut to fit beside it, the size still true.
    expect(log.toArray().map(({ event }) => 'keyId' in event && event.keyId)).toEqual([
      'key-1',
      'key-2',
      'key-3',
    ])
    const lru = handle.snapshot().caches.client.LRU
    expect(lru.size).toBe(600)
    expect(lru.entries.length).toBeLessThan(600)
    expect(lru.entries.length).toBeGreaterThan(500)
    release()
  })
})

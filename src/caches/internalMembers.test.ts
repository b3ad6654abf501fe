/**
 * What a Session uses of its caches (`hitByIdentity` and `internals`: peek, emit, hasListeners,
 * removeAll, keepStats, entryStats). They are functions exported by `CacheBase.ts`, set by its
 * static block — not members of the caches, so no caller outside the package reaches them — and
 * a contract between the caches and the session, so tested here. (The test names keep the old
 * member names.)
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import { hitByIdentity, internals } from './CacheBase.js'
import type { CacheEvent } from '../events.js'
import { keyIdentity } from '../keys/CacheKey.js'
import { Subscribable } from '../Subscribable.js'
import type { EvictReason } from '../types.js'
import {
  cacheCases,
  manualClock,
  observe,
  record,
  type CacheCase,
} from './test-support/cacheFixtures.js'

describe.each(cacheCases)('$name internal members', (c: CacheCase) => {
  afterEach(() => {
    vi.restoreAllMocks()
  })

  const make = () => {
    const clock = manualClock()
    const evicted: Array<[string, EvictReason]> = []
    const cache = new c.Class({
      maxSize: 5,
      now: clock.now,
      onEvict: (_value, key, reason) => evicted.push([key.id, reason]),
    })
    internals.keepStats(cache)
    for (let i = 0; i < 3; i++) {
      cache.set(c.key(i), c.value(i))
      clock.tick()
    }
    return { cache, clock, evicted }
  }

  it('_hitByIdentity returns the value, records a use and emits hit', () => {
    const { cache, clock } = make()
    const events = record(cache)
    const value = cache.peek(c.key(0))
    clock.tick(10)
    expect(hitByIdentity(cache, keyIdentity(c.key(0), c.cacheType) as string)).toBe(value)
    expect(cache.keys().map((key) => key.id)).toEqual([1, 2, 0].map((n) => c.key(n).id))
    expect(internals.entryStats(cache)[2]).toMatchObject({
      hits: 1,
      frequency: 2,
      lastUsedAt: 1013,
    })
    expect(events).toEqual([
      {
        type: 'hit',
        at: 1013,
        cacheType: c.cacheType,
        evictionPolicy: c.evictionPolicy,
        keyId: c.key(0).id,
        label: c.key(0).label,
      },
    ])
  })

  it('_hitByIdentity returns undefined and emits nothing when absent', () => {
    const { cache } = make()
    const events = record(cache)
    const before = observe(cache)
    expect(hitByIdentity(cache, keyIdentity(c.key(9), c.cacheType) as string)).toBeUndefined()
    expect(hitByIdentity(cache, '')).toBeUndefined()
    expect(events).toEqual([])
    expect(observe(cache)).toEqual(before)
  })

  it('matches keys by exact identity only', () => {
    const { cache } = make()
    expect(internals.peek(cache, keyIdentity(c.key(1), c.cacheType) as string)).toBe(
      cache.peek(c.key(1)),
    )
    expect(internals.peek(cache, c.key(1).id)).toBeUndefined()
    expect(internals.peek(cache, c.key(1).label)).toBeUndefined()
  })

  it('_peekByIdentity records no use and emits nothing', () => {
    const { cache } = make()
    const events = record(cache)
    const before = observe(cache)
    expect(internals.peek(cache, keyIdentity(c.key(0), c.cacheType) as string)).toBe(
      cache.peek(c.key(0)),
    )
    expect(internals.peek(cache, keyIdentity(c.key(9), c.cacheType) as string)).toBeUndefined()
    expect(observe(cache)).toEqual(before)
    expect(events).toEqual([])
  })

  it('builds no event when nobody listens', () => {
    const { cache, evicted } = make()
    const emit = vi.spyOn(Subscribable.prototype, 'emit')
    hitByIdentity(cache, keyIdentity(c.key(0), c.cacheType) as string)
    cache.get(c.key(1))
    cache.get(c.key(9))
    cache.set(c.key(3), c.value(3))
    cache.delete(c.key(3))
    cache.maxSize = 1
    cache.clear()
    expect(emit).not.toHaveBeenCalled()
    expect(evicted.length).toBeGreaterThan(0)
  })

  it('_emit and _hasListeners', () => {
    const { cache } = make()
    expect(internals.hasListeners(cache)).toBe(false)
    const events: CacheEvent[] = []
    const unsubscribe = cache.subscribe((event) => events.push(event))
    expect(internals.hasListeners(cache)).toBe(true)
    const dispose: CacheEvent = {
      type: 'dispose',
      at: 5,
      cacheType: c.cacheType,
      evictionPolicy: c.evictionPolicy,
      keyId: 'k',
      label: 'L',
    }
    internals.emit(cache, dispose)
    expect(events).toEqual([dispose])
    unsubscribe()
    expect(internals.hasListeners(cache)).toBe(false)
  })

  it('_removeAll removes every entry with the reason, without a clear event', () => {
    const { cache, evicted, clock } = make()
    cache.get(c.key(0))
    const events = record(cache)
    internals.removeAll(cache, 'dispose')
    expect(cache.size).toBe(0)
    const order = [1, 2, 0].map((n) => c.key(n))
    expect(evicted).toEqual(order.map((key) => [key.id, 'dispose']))
    expect(events).toEqual(
      order.map((key) => ({
        type: 'evict',
        at: clock.now(),
        cacheType: c.cacheType,
        evictionPolicy: c.evictionPolicy,
        keyId: key.id,
        label: key.label,
        reason: 'dispose',
      })),
    )
    internals.removeAll(cache, 'dispose')
    expect(events).toHaveLength(3)
  })

  it('_entryStats lists entries in eviction order with their statistics', () => {
    const { cache, clock } = make()
    clock.tick(100) // 1103
    cache.get(c.key(1))
    cache.get(c.key(1))
    const stats = internals.entryStats(cache)
    expect(stats.map((s) => s.key)).toEqual(cache.keys())
    expect(stats.map((s) => s.value)).toEqual(cache.values())
    expect(
      stats.map(({ hits, frequency, createdAt, lastUsedAt }) => [
        hits,
        frequency,
        createdAt,
        lastUsedAt,
      ]),
    ).toEqual([
      [0, 1, 1000, 1000],
      [0, 1, 1002, 1002],
      [2, 3, 1001, 1103],
    ])
  })

  it('are not reachable through a cache', () => {
    const { cache } = make()
    for (const name of [
      '_hitByIdentity',
      '_peekByIdentity',
      '_emit',
      '_hasListeners',
      '_removeAll',
      '_entryStats',
    ]) {
      expect(name in cache).toBe(false)
    }
  })

  it('a cache used alone keeps no entry statistics and reads no clock while nobody listens', () => {
    let reads = 0
    const cache = new c.Class({ maxSize: 2, now: () => ++reads })
    cache.set(c.key(0), c.value(0))
    cache.set(c.key(1), c.value(1))
    cache.get(c.key(0))
    hitByIdentity(cache, keyIdentity(c.key(0), c.cacheType) as string)
    cache.set(c.key(2), c.value(2)) // evicts key 1 under both policies; still no clock
    expect(reads).toBe(0)
    expect(internals.entryStats(cache).map((s) => [s.hits, s.createdAt, s.lastUsedAt])).toEqual([
      [0, 0, 0],
      [0, 0, 0],
    ])
    // The order is kept all the same.
    expect(cache.has(c.key(0))).toBe(true)
    expect(cache.has(c.key(1))).toBe(false)
    // Listening brings the clock back, for the events' `at`.
    const events = record(cache)
    cache.get(c.key(0))
    expect(reads).toBe(1)
    expect(events[0]).toMatchObject({ type: 'hit', at: 1 })
  })
})

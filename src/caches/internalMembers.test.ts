/**
 * The members a Session relies on (`_hitByIdentity`, `_peekByIdentity`, `_emit`,
 * `_hasListeners`, `_removeAll`, `_entryStats`). They are `@internal`: stripped from the
 * published types, but a contract between the caches and the session, so tested here.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
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
    expect(cache._hitByIdentity(keyIdentity(c.key(0), c.cacheType) as string)).toBe(value)
    expect(cache.keys().map((key) => key.id)).toEqual([1, 2, 0].map((n) => c.key(n).id))
    expect(cache._entryStats()[2]).toMatchObject({ hits: 1, frequency: 2, lastUsedAt: 1013 })
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
    expect(cache._hitByIdentity(keyIdentity(c.key(9), c.cacheType) as string)).toBeUndefined()
    expect(cache._hitByIdentity('')).toBeUndefined()
    expect(events).toEqual([])
    expect(observe(cache)).toEqual(before)
  })

  it('matches keys by exact identity only', () => {
    const { cache } = make()
    expect(cache._peekByIdentity(keyIdentity(c.key(1), c.cacheType) as string)).toBe(
      cache.peek(c.key(1)),
    )
    expect(cache._peekByIdentity(c.key(1).id)).toBeUndefined()
    expect(cache._peekByIdentity(c.key(1).label)).toBeUndefined()
  })

  it('_peekByIdentity records no use and emits nothing', () => {
    const { cache } = make()
    const events = record(cache)
    const before = observe(cache)
    expect(cache._peekByIdentity(keyIdentity(c.key(0), c.cacheType) as string)).toBe(
      cache.peek(c.key(0)),
    )
    expect(cache._peekByIdentity(keyIdentity(c.key(9), c.cacheType) as string)).toBeUndefined()
    expect(observe(cache)).toEqual(before)
    expect(events).toEqual([])
  })

  it('builds no event when nobody listens', () => {
    const { cache, evicted } = make()
    const emit = vi.spyOn(Subscribable.prototype, 'emit')
    cache._hitByIdentity(keyIdentity(c.key(0), c.cacheType) as string)
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
    expect(cache._hasListeners).toBe(false)
    const events: CacheEvent[] = []
    const unsubscribe = cache.subscribe((event) => events.push(event))
    expect(cache._hasListeners).toBe(true)
    const dispose: CacheEvent = {
      type: 'dispose',
      at: 5,
      cacheType: c.cacheType,
      evictionPolicy: c.evictionPolicy,
      keyId: 'k',
      label: 'L',
    }
    cache._emit(dispose)
    expect(events).toEqual([dispose])
    unsubscribe()
    expect(cache._hasListeners).toBe(false)
  })

  it('_removeAll removes every entry with the reason, without a clear event', () => {
    const { cache, evicted, clock } = make()
    cache.get(c.key(0))
    const events = record(cache)
    cache._removeAll('dispose')
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
    cache._removeAll('dispose')
    expect(events).toHaveLength(3)
  })

  it('_entryStats lists entries in eviction order with their statistics', () => {
    const { cache, clock } = make()
    clock.tick(100) // 1103
    cache.get(c.key(1))
    cache.get(c.key(1))
    const stats = cache._entryStats()
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
})

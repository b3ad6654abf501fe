import { internals } from './CacheBase.js'
/**
 * The conformance suite: every member of the low-level cache API, run against all four public
 * classes. Scenarios are chosen so LRU and LFU agree (each entry used at most once between
 * checks); policy-specific orders are in evictionPolicies.test.ts.
 */
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { CacheError } from '../errors.js'
import type { CacheEvent } from '../events.js'
import type { CacheKey } from '../keys/CacheKey.js'
import type { EvictReason } from '../types.js'
import {
  cacheCases,
  manualClock,
  observe,
  record,
  thrown,
  type AnyCache,
  type CacheCase,
  type TestOptions,
} from './test-support/cacheFixtures.js'

const INSPECT = Symbol.for('nodejs.util.inspect.custom')

describe.each(cacheCases)('$name conformance', (c: CacheCase) => {
  let clock: ReturnType<typeof manualClock>
  let evicted: Array<[object, string, EvictReason]>
  let reported: unknown[]

  const make = (options: TestOptions = {}): AnyCache =>
    new c.Class({
      now: clock.now,
      onEvict: (value, key, reason) => evicted.push([value, key.id, reason]),
      ...options,
    })

  /** Sets keys 0..n-1 (values 0..n-1), one tick apart. */
  const fill = (cache: AnyCache, n: number, from = 0): void => {
    for (let i = from; i < from + n; i++) {
      cache.set(c.key(i), c.value(i))
      clock.tick()
    }
  }
  const ids = (cache: AnyCache) => cache.keys().map((key) => key.id)
  const idsOf = (...ns: number[]) => ns.map((n) => c.key(n).id)

  const entryEvent = (type: string, key: CacheKey, at: number, extra: object = {}) => ({
    type,
    at,
    cacheType: c.cacheType,
    evictionPolicy: c.evictionPolicy,
    keyId: key.id,
    label: key.label,
    ...extra,
  })

  beforeEach(() => {
    clock = manualClock()
    evicted = []
    reported = []
    // Listener and onEvict errors are reported, never thrown; capture them in both runtimes.
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
  })

  afterEach(() => {
    vi.unstubAllGlobals()
  })

  describe('construction and read-only members', () => {
    it('defaults to maxSize 10 and starts empty', () => {
      const cache = new c.Class()
      expect(cache.maxSize).toBe(10)
      expect(cache.size).toBe(0)
      expect(cache.keys()).toEqual([])
      expect(cache.evictionPolicy).toBe(c.evictionPolicy)
      expect(cache.cacheType).toBe(c.cacheType)
      expect(cache).toBeInstanceOf(c.Class)
    })

    it('takes maxSize from the options', () => {
      expect(make({ maxSize: 3 }).maxSize).toBe(3)
    })

    it('keeps evictionPolicy and cacheType read-only', () => {
      const cache = make()
      expect(() => {
        ;(cache as { evictionPolicy: string }).evictionPolicy = 'MRU'
      }).toThrow(TypeError)
      expect(() => {
        ;(cache as { cacheType: string }).cacheType = 'other'
      }).toThrow(TypeError)
      expect(cache.evictionPolicy).toBe(c.evictionPolicy)
      expect(cache.cacheType).toBe(c.cacheType)
    })

    it('reads the default clock (Date.now) at call time', () => {
      vi.spyOn(Date, 'now').mockReturnValue(123_456)
      const cache = new c.Class()
      internals.keepStats(cache)
      cache.set(c.key(1), c.value(1))
      expect(internals.entryStats(cache)[0]).toMatchObject({
        createdAt: 123_456,
        lastUsedAt: 123_456,
      })
    })
  })

  describe('set / get / has / peek / getOrThrow', () => {
    it('set returns the cache and get finds the value by an equal key', () => {
      const cache = make()
      const value = c.value(1)
      expect(cache.set(c.key(1), value)).toBe(cache)
      expect(cache.size).toBe(1)
      expect(cache.get(c.key(1))).toBe(value)
      expect(cache.peek(c.key(1))).toBe(value)
      expect(cache.getOrThrow(c.key(1))).toBe(value)
      expect(cache.has(c.key(1))).toBe(true)
    })

    it('misses return undefined / false', () => {
      const cache = make()
      fill(cache, 2)
      expect(cache.get(c.key(9))).toBeUndefined()
      expect(cache.peek(c.key(9))).toBeUndefined()
      expect(cache.has(c.key(9))).toBe(false)
    })

    it('distinguishes keys that differ only in a secret', () => {
      const cache = make()
      const a = c.value('a')
      const b = c.value('b')
      cache.set(c.key(1, { secretAccessKey: 'secret-one' }), a)
      cache.set(c.key(1, { secretAccessKey: 'secret-two' }), b)
      expect(cache.size).toBe(2)
      expect(cache.get(c.key(1, { secretAccessKey: 'secret-one' }))).toBe(a)
      expect(cache.get(c.key(1, { secretAccessKey: 'secret-two' }))).toBe(b)
    })

    it('set on a present key throws …CacheExistsError and keeps the first value', () => {
      const cache = make()
      const first = c.value(1)
      cache.set(c.key(1), first)
      const before = observe(cache)
      const error = thrown(() => cache.set(c.key(1), c.value(2)))
      expect(error).toBeInstanceOf(c.Exists)
      expect(error).toBeInstanceOf(c.Base)
      expect(error.name).toBe(c.Exists.name)
      expect(error.code).toBe('KEY_EXISTS')
      expect(error.param).toBe('key')
      expect(error.message).toContain(c.key(1).label)
      expect(observe(cache)).toEqual(before)
      expect(cache.peek(c.key(1))).toBe(first)
    })

    it('getOrThrow on a missing key throws …CacheNotFoundError', () => {
      const cache = make()
      fill(cache, 1)
      const error = thrown(() => cache.getOrThrow(c.key(7)))
      expect(error).toBeInstanceOf(c.NotFound)
      expect(error.name).toBe(c.NotFound.name)
      expect(error.code).toBe('KEY_NOT_FOUND')
      expect(error.param).toBe('key')
      expect(error.message).toContain(c.key(7).label)
    })

    it('get and getOrThrow record a use; has and peek do not', () => {
      const cache = make()
      fill(cache, 3)
      cache.has(c.key(0))
      cache.peek(c.key(0))
      expect(ids(cache)).toEqual(idsOf(0, 1, 2))
      cache.get(c.key(0))
      expect(ids(cache)).toEqual(idsOf(1, 2, 0))
      cache.getOrThrow(c.key(1))
      expect(ids(cache)).toEqual(idsOf(2, 0, 1))
    })

    it('tracks hits, frequency, createdAt and lastUsedAt per entry', () => {
      const cache = make()
      internals.keepStats(cache) // what a session asks of its caches
      cache.set(c.key(1), c.value(1)) // at 1000
      clock.tick(10)
      cache.peek(c.key(1))
      cache.has(c.key(1))
      expect(internals.entryStats(cache)[0]).toMatchObject({
        hits: 0,
        frequency: 1,
        createdAt: 1000,
        lastUsedAt: 1000,
      })
      cache.get(c.key(1))
      clock.tick(5)
      cache.getOrThrow(c.key(1))
      expect(internals.entryStats(cache)[0]).toMatchObject({
        hits: 2,
        frequency: 3,
        createdAt: 1000,
        lastUsedAt: 1015,
      })
    })
  })

  describe('capacity', () => {
    it('evicts the next victim (reason capacity) before inserting when full', () => {
      const cache = make({ maxSize: 3 })
      fill(cache, 3)
      const victim = cache.peek(c.key(0))
      const events = record(cache)
      const at = clock.now()
      cache.set(c.key(3), c.value(3))
      expect(cache.size).toBe(3)
      expect(ids(cache)).toEqual(idsOf(1, 2, 3))
      expect(evicted).toEqual([[victim, c.key(0).id, 'capacity']])
      expect(events).toEqual([
        entryEvent('evict', c.key(0), at, { reason: 'capacity' }),
        entryEvent('create', c.key(3), at),
      ])
    })

    it('with maxSize 1 keeps only the newest entry', () => {
      const cache = make({ maxSize: 1 })
      fill(cache, 4)
      expect(ids(cache)).toEqual(idsOf(3))
      expect(evicted.map(([, id, reason]) => [id, reason])).toEqual([
        [c.key(0).id, 'capacity'],
        [c.key(1).id, 'capacity'],
        [c.key(2).id, 'capacity'],
      ])
    })
  })

  describe('delete / pop / popItem / clear', () => {
    it('delete returns true once, with reason delete', () => {
      const cache = make()
      fill(cache, 3)
      const value = cache.peek(c.key(1))
      expect(cache.delete(c.key(1))).toBe(true)
      expect(cache.delete(c.key(1))).toBe(false)
      expect(ids(cache)).toEqual(idsOf(0, 2))
      expect(evicted).toEqual([[value, c.key(1).id, 'delete']])
    })

    it('pop removes and returns the value, or throws …CacheNotFoundError', () => {
      const cache = make()
      fill(cache, 2)
      const value = cache.peek(c.key(0))
      expect(cache.pop(c.key(0))).toBe(value)
      expect(cache.size).toBe(1)
      expect(evicted).toEqual([[value, c.key(0).id, 'delete']])
      const before = observe(cache)
      const error = thrown(() => cache.pop(c.key(0)))
      expect(error).toBeInstanceOf(c.NotFound)
      expect(error.code).toBe('KEY_NOT_FOUND')
      expect(observe(cache)).toEqual(before)
    })

    it('popItem removes and returns [key, value] of the next victim', () => {
      const cache = make()
      fill(cache, 3)
      cache.get(c.key(0))
      const [key, value] = cache.popItem()
      expect(key.id).toBe(c.key(1).id)
      expect(value).toBe(evicted[0]?.[0])
      expect(evicted).toEqual([[value, c.key(1).id, 'delete']])
      expect(ids(cache)).toEqual(idsOf(2, 0))
    })

    it('popItem on an empty cache throws …CacheNotFoundError', () => {
      const cache = make()
      const error = thrown(() => cache.popItem())
      expect(error).toBeInstanceOf(c.NotFound)
      expect(error.code).toBe('KEY_NOT_FOUND')
      expect(error.message).toContain('empty')
    })

    it('clear removes all in eviction order (reason clear), then emits one clear event', () => {
      const cache = make()
      fill(cache, 3)
      cache.get(c.key(0))
      const events = record(cache)
      const at = clock.now()
      cache.clear()
      expect(cache.size).toBe(0)
      expect(cache.keys()).toEqual([])
      expect(evicted.map(([, id, reason]) => [id, reason])).toEqual([
        [c.key(1).id, 'clear'],
        [c.key(2).id, 'clear'],
        [c.key(0).id, 'clear'],
      ])
      expect(events).toEqual([
        entryEvent('evict', c.key(1), at, { reason: 'clear' }),
        entryEvent('evict', c.key(2), at, { reason: 'clear' }),
        entryEvent('evict', c.key(0), at, { reason: 'clear' }),
        { type: 'clear', at, cacheType: c.cacheType, evictionPolicy: c.evictionPolicy, count: 3 },
      ])
      // The cache is usable afterwards.
      fill(cache, 2)
      expect(ids(cache)).toEqual(idsOf(0, 1))
    })

    it('clear on an empty cache still emits a clear event with count 0', () => {
      const cache = make()
      const events = record(cache)
      cache.clear()
      expect(events).toEqual([
        {
          type: 'clear',
          at: clock.now(),
          cacheType: c.cacheType,
          evictionPolicy: c.evictionPolicy,
          count: 0,
        },
      ])
      expect(evicted).toEqual([])
    })
  })

  describe('maxSize', () => {
    it('shrinking evicts next victims (reason resize), then emits resize', () => {
      const cache = make({ maxSize: 5 })
      fill(cache, 5)
      cache.get(c.key(0))
      const events = record(cache)
      const at = clock.now()
      cache.maxSize = 2
      expect(cache.maxSize).toBe(2)
      expect(ids(cache)).toEqual(idsOf(4, 0))
      expect(evicted.map(([, id, reason]) => [id, reason])).toEqual([
        [c.key(1).id, 'resize'],
        [c.key(2).id, 'resize'],
        [c.key(3).id, 'resize'],
      ])
      expect(events).toEqual([
        entryEvent('evict', c.key(1), at, { reason: 'resize' }),
        entryEvent('evict', c.key(2), at, { reason: 'resize' }),
        entryEvent('evict', c.key(3), at, { reason: 'resize' }),
        {
          type: 'resize',
          at,
          cacheType: c.cacheType,
          evictionPolicy: c.evictionPolicy,
          maxSize: 2,
          previousMaxSize: 5,
        },
      ])
    })

    it('growing evicts nothing and emits resize; the same size does nothing', () => {
      const cache = make({ maxSize: 2 })
      fill(cache, 2)
      const events = record(cache)
      cache.maxSize = 2
      expect(events).toEqual([])
      cache.maxSize = 4
      expect(events.map((event) => event.type)).toEqual(['resize'])
      expect(evicted).toEqual([])
      fill(cache, 2, 2)
      expect(cache.size).toBe(4)
    })

    it('rejects a bad size and changes nothing', () => {
      const cache = make({ maxSize: 3 })
      fill(cache, 3)
      const events = record(cache)
      const before = observe(cache)
      for (const bad of [0, -1, 1.5, Number.NaN, '2', null, undefined, 2 ** 60]) {
        const error = thrown(() => {
          cache.maxSize = bad as number
        })
        expect(error.constructor).toBe(c.Base)
        expect(error.param).toBe('maxSize')
        expect(error.message).toMatch(/^maxSize must be a positive integer/)
      }
      expect(observe(cache)).toEqual(before)
      expect(events).toEqual([])
      expect(evicted).toEqual([])
    })
  })

  describe('copy', () => {
    it('keeps class, maxSize, order, stats and shares values', () => {
      const cache = make({ maxSize: 4 })
      fill(cache, 4)
      cache.get(c.key(1))
      cache.get(c.key(0))
      const copy = cache.copy()
      expect(copy).toBeInstanceOf(c.Class)
      expect(copy.constructor).toBe(cache.constructor)
      expect(copy).not.toBe(cache)
      expect(copy.maxSize).toBe(4)
      expect(copy.evictionPolicy).toBe(c.evictionPolicy)
      expect(observe(copy)).toEqual(observe(cache))
      for (const [key, value] of cache) expect(copy.peek(key)).toBe(value)
    })

    it('is independent: changes to either leave the other as it was', () => {
      const cache = make({ maxSize: 3 })
      fill(cache, 3)
      const copy = cache.copy()
      const frozen = observe(cache)
      copy.get(c.key(0))
      copy.delete(c.key(1))
      copy.set(c.key(8), c.value(8))
      copy.maxSize = 5
      expect(observe(cache)).toEqual(frozen)
      cache.clear()
      expect(copy.size).toBe(3)
      // LRU: 0 was used last; LFU: 0 was used once, 2 and 8 never.
      expect(ids(copy)).toEqual(c.evictionPolicy === 'LRU' ? idsOf(2, 0, 8) : idsOf(2, 8, 0))
    })

    it('has no onEvict and no subscribers (values are shared)', () => {
      const cache = make({ maxSize: 2 })
      fill(cache, 2)
      const events = record(cache)
      const copy = cache.copy()
      copy.set(c.key(5), c.value(5))
      copy.delete(c.key(5))
      copy.clear()
      expect(evicted).toEqual([])
      expect(events).toEqual([])
      expect(internals.hasListeners(copy)).toBe(false)
      expect(cache.size).toBe(2)
    })

    it('keeps the injected clock', () => {
      const cache = make()
      internals.keepStats(cache)
      const copy = cache.copy()
      clock.tick(500)
      copy.set(c.key(1), c.value(1))
      expect(internals.entryStats(copy)[0]?.createdAt).toBe(clock.now())
    })
  })

  describe('keys / values / entries / iterator', () => {
    it('return fresh arrays in eviction order', () => {
      const cache = make()
      fill(cache, 3)
      cache.get(c.key(0))
      const values = [c.key(1), c.key(2), c.key(0)].map((key) => cache.peek(key))
      expect(ids(cache)).toEqual(idsOf(1, 2, 0))
      expect(cache.values()).toEqual(values)
      expect(cache.entries().map(([key, value]) => [key.id, value])).toEqual(
        idsOf(1, 2, 0).map((id, i) => [id, values[i]]),
      )
      expect([...cache].map(([key, value]) => [key.id, value])).toEqual(
        cache.entries().map(([key, value]) => [key.id, value]),
      )
      const keys = cache.keys()
      keys.pop()
      expect(cache.keys()).toHaveLength(3)
      expect(cache.keys()).not.toBe(cache.keys())
    })

    it('yields the keys that were set', () => {
      const cache = make()
      const key = c.key(1)
      cache.set(key, c.value(1))
      expect(cache.keys()[0]).toBe(key)
    })

    it('iterates a snapshot, so using or removing entries while iterating is safe', () => {
      const cache = make()
      fill(cache, 4)
      const seen: string[] = []
      for (const [key] of cache) {
        seen.push(key.id)
        cache.get(key)
        cache.delete(c.key(3))
      }
      expect(seen).toEqual(idsOf(0, 1, 2, 3))
      expect(ids(cache)).toEqual(idsOf(0, 1, 2))
    })
  })

  describe('toString and inspect', () => {
    it('prints the header, then one line per entry in eviction order', () => {
      const cache = make()
      expect(cache.toString()).toBe(c.header)
      fill(cache, 3)
      cache.get(c.key(0))
      expect(cache.toString()).toBe(
        [c.header, ...[1, 2, 0].map((n) => `- ${c.key(n).label}`)].join('\n'),
      )
      expect(String(cache)).toBe(cache.toString())
    })

    it('shows no secret', () => {
      const cache = make()
      cache.set(c.key(1, { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' }), c.value(1))
      expect(cache.toString()).not.toContain('wJalrXUtnFEMI')
      expect(cache.toString()).toContain('***')
    })

    it('gives Node util.inspect the toString() form', () => {
      const cache = make()
      fill(cache, 2)
      const inspect = (cache as unknown as Record<symbol, () => string>)[INSPECT]
      expect(inspect?.call(cache)).toBe(cache.toString())
    })
  })

  describe('subscribe and events', () => {
    it('emits hit, miss and create with at, cacheType, evictionPolicy, keyId and label', () => {
      const cache = make()
      const events = record(cache)
      cache.set(c.key(1), c.value(1))
      clock.tick()
      cache.get(c.key(1))
      clock.tick()
      cache.get(c.key(2))
      clock.tick()
      cache.getOrThrow(c.key(1))
      thrown(() => cache.getOrThrow(c.key(3)))
      cache.peek(c.key(1))
      cache.has(c.key(1))
      cache.peek(c.key(2))
      cache.has(c.key(2))
      expect(events).toEqual([
        entryEvent('create', c.key(1), 1000),
        entryEvent('hit', c.key(1), 1001),
        entryEvent('miss', c.key(2), 1002),
        entryEvent('hit', c.key(1), 1003),
        entryEvent('miss', c.key(3), 1003),
      ])
    })

    it('emits evict events for delete, pop and popItem', () => {
      const cache = make()
      fill(cache, 3)
      const events = record(cache)
      const at = clock.now()
      cache.delete(c.key(1))
      cache.delete(c.key(1))
      cache.pop(c.key(0))
      cache.popItem()
      expect(events).toEqual([
        entryEvent('evict', c.key(1), at, { reason: 'delete' }),
        entryEvent('evict', c.key(0), at, { reason: 'delete' }),
        entryEvent('evict', c.key(2), at, { reason: 'delete' }),
      ])
    })

    it('emits each evict event before calling onEvict, after the state is consistent', () => {
      const order: string[] = []
      const cache = make({
        maxSize: 1,
        onEvict: (_value, key, reason) => {
          order.push(`onEvict ${reason} size=${cache.size} has=${cache.has(key)}`)
        },
      })
      cache.subscribe((event) => order.push(`${event.type} size=${cache.size}`))
      cache.set(c.key(1), c.value(1))
      cache.set(c.key(2), c.value(2))
      expect(order).toEqual([
        'create size=1',
        'evict size=1',
        'onEvict capacity size=1 has=false',
        'create size=1',
      ])
    })

    it('returns an idempotent unsubscribe', () => {
      const cache = make()
      const events: CacheEvent[] = []
      const unsubscribe = cache.subscribe((event) => events.push(event))
      expect(internals.hasListeners(cache)).toBe(true)
      cache.set(c.key(1), c.value(1))
      unsubscribe()
      unsubscribe()
      expect(internals.hasListeners(cache)).toBe(false)
      cache.get(c.key(1))
      expect(events.map((event) => event.type)).toEqual(['create'])
    })

    it('rejects a listener that is not a function', () => {
      const cache = make()
      const error = thrown(() => cache.subscribe('nope' as never))
      expect(error.constructor).toBe(c.Base)
      expect(error.param).toBe('listener')
    })

    it('reports a throwing listener and carries on', () => {
      const cache = make()
      const boom = new Error('listener boom')
      const events: string[] = []
      cache.subscribe(() => {
        throw boom
      })
      cache.subscribe((event) => events.push(event.type))
      cache.set(c.key(1), c.value(1))
      expect(cache.get(c.key(1))).toBeDefined()
      expect(reported).toEqual([boom, boom])
      expect(events).toEqual(['create', 'hit'])
    })
  })

  describe('onEvict errors', () => {
    it('are reported and never leave the cache half-changed', () => {
      const boom = new Error('onEvict boom')
      let calls = 0
      const cache = make({
        maxSize: 5,
        onEvict: () => {
          calls++
          throw boom
        },
      })
      fill(cache, 5)
      cache.maxSize = 2
      expect(cache.size).toBe(2)
      expect(ids(cache)).toEqual(idsOf(3, 4))
      expect(calls).toBe(3)
      expect(reported).toEqual([boom, boom, boom])
      expect(cache.delete(c.key(3))).toBe(true)
      cache.set(c.key(5), c.value(5))
      cache.set(c.key(6), c.value(6))
      expect(ids(cache)).toEqual(idsOf(5, 6))
      cache.clear()
      expect(cache.size).toBe(0)
      expect(calls).toBe(7)
    })

    it('fall back to console.error where reportError is missing', () => {
      vi.stubGlobal('reportError', undefined)
      const spy = vi
        .spyOn(console, 'error')
        .mockClear()
        .mockImplementation(() => undefined)
      const boom = new Error('onEvict boom')
      const cache = make({
        onEvict: () => {
          throw boom
        },
      })
      try {
        fill(cache, 1)
        expect(cache.delete(c.key(0))).toBe(true)
        expect(cache.size).toBe(0)
        expect(spy).toHaveBeenCalledTimes(1)
        expect(spy.mock.calls[0]).toContain(boom)
      } finally {
        spy.mockRestore()
      }
    })
  })

  describe('bad input', () => {
    const keyTaking = ['has', 'get', 'peek', 'getOrThrow', 'delete', 'pop'] as const

    it.each(keyTaking)('%s rejects a foreign or non-key with the base error', (method) => {
      const cache = make()
      fill(cache, 2)
      const events = record(cache)
      const before = observe(cache)
      for (const bad of [
        'this is not a key',
        c.foreignKey(0),
        null,
        undefined,
        {},
        { id: c.key(0).id },
      ]) {
        const error = thrown(() => (cache[method] as (key: unknown) => unknown)(bad))
        expect(error.constructor).toBe(c.Base)
        expect(error).toBeInstanceOf(CacheError)
        expect(error.code).toBe('INVALID_ARGUMENT')
        expect(error.param).toBe('key')
        expect(error.message).toMatch(new RegExp(`^key must be a ${c.keyClassName}, got `))
      }
      expect(observe(cache)).toEqual(before)
      expect(events).toEqual([])
    })

    it('set rejects a foreign or non-key before looking at the value', () => {
      const cache = make({ maxSize: 2 })
      fill(cache, 2)
      const before = observe(cache)
      for (const bad of ['this is not a key', c.foreignKey(5), null]) {
        const error = thrown(() => cache.set(bad as CacheKey, c.value(5)))
        expect(error.constructor).toBe(c.Base)
        expect(error.param).toBe('key')
      }
      expect(observe(cache)).toEqual(before)
      expect(evicted).toEqual([])
    })

    it('set rejects a value this cache does not hold, even when full', () => {
      const cache = make({ maxSize: 2 })
      fill(cache, 2)
      const events = record(cache)
      const before = observe(cache)
      for (const [bad, code] of c.badValues) {
        const error = thrown(() => cache.set(c.key(5), bad as object))
        expect(error.constructor).toBe(c.Base)
        expect(error.code).toBe(code)
        expect(error.param).toBe('value')
        expect(error.message).toMatch(/^value must be /)
      }
      expect(observe(cache)).toEqual(before)
      expect(events).toEqual([])
      expect(evicted).toEqual([])
    })
  })
})

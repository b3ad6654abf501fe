import { describe, expect, expectTypeOf, it } from 'vitest'
import { ClientCacheError, ResourceCacheError } from '../errors.js'
import type { EvictionPolicy } from '../types.js'
import { createClientCache } from './createClientCache.js'
import { createResourceCache } from './createResourceCache.js'
import { LFUClientCache } from './LFUClientCache.js'
import { LFUResourceCache } from './LFUResourceCache.js'
import { LRUClientCache } from './LRUClientCache.js'
import { LRUResourceCache } from './LRUResourceCache.js'
import { thrown, type FakeClient } from './test-support/cacheFixtures.js'

describe('createClientCache', () => {
  it('defaults to LRU and maxSize 10', () => {
    const cache = createClientCache()
    expect(cache).toBeInstanceOf(LRUClientCache)
    expect(cache.maxSize).toBe(10)
    expectTypeOf(cache).toEqualTypeOf<LRUClientCache>()
  })

  it('picks the class by policy and passes the options on', () => {
    const evicted: unknown[] = []
    const lfu = createClientCache('LFU', { maxSize: 3, onEvict: (value) => evicted.push(value) })
    expect(lfu).toBeInstanceOf(LFUClientCache)
    expect(lfu.maxSize).toBe(3)
    expectTypeOf(lfu).toEqualTypeOf<LFUClientCache>()
    expect(createClientCache('LRU')).toBeInstanceOf(LRUClientCache)
    expect(createClientCache(undefined, { maxSize: 2 }).maxSize).toBe(2)

    const typed = createClientCache<FakeClient>('LRU')
    expectTypeOf(typed).toEqualTypeOf<LRUClientCache<FakeClient>>()
    const policy = 'LFU' as EvictionPolicy
    expectTypeOf(createClientCache(policy)).toEqualTypeOf<LRUClientCache | LFUClientCache>()
  })

  it.each(['lru', 'lfu', 'MRU', '', null, 1])('rejects the policy %s', (policy) => {
    const error = thrown(() => createClientCache(policy as never))
    expect(error.constructor).toBe(ClientCacheError)
    expect(error.code).toBe('INVALID_EVICTION_POLICY')
    expect(error.message).toContain('Invalid eviction policy')
  })

  it('rejects bad options with ClientCacheError', () => {
    const error = thrown(() => createClientCache('LFU', { maxSize: 0 }))
    expect(error.constructor).toBe(ClientCacheError)
    expect(error.param).toBe('options.maxSize')
  })
})

describe('createResourceCache', () => {
  it('defaults to LRU and picks the class by policy', () => {
    expect(createResourceCache()).toBeInstanceOf(LRUResourceCache)
    expect(createResourceCache('LRU')).toBeInstanceOf(LRUResourceCache)
    const lfu = createResourceCache('LFU', { maxSize: 4 })
    expect(lfu).toBeInstanceOf(LFUResourceCache)
    expect(lfu.maxSize).toBe(4)
    expectTypeOf(lfu).toEqualTypeOf<LFUResourceCache>()
    expectTypeOf(createResourceCache()).toEqualTypeOf<LRUResourceCache>()
  })

  it.each(['lru', 'LFU ', 'Lfu', {}])('rejects the policy %s', (policy) => {
    const error = thrown(() => createResourceCache(policy as never))
    expect(error.constructor).toBe(ResourceCacheError)
    expect(error.code).toBe('INVALID_EVICTION_POLICY')
  })

  it('rejects bad options with ResourceCacheError', () => {
    const error = thrown(() => createResourceCache('LRU', { onEvict: 'nope' as never }))
    expect(error.constructor).toBe(ResourceCacheError)
    expect(error.param).toBe('options.onEvict')
  })
})

import { describe, expect, it } from 'vitest'
import { ClientCacheError, ResourceCacheError } from '../errors.js'
import { validateEvictionPolicy } from './validateEvictionPolicy.js'

describe('validateEvictionPolicy', () => {
  it.each(['LRU', 'LFU'] as const)('accepts %s', (policy) => {
    expect(validateEvictionPolicy(policy, ClientCacheError)).toBe(policy)
  })

  it.each([
    ['lru', "'lru' (string)"],
    ['lfu', "'lfu' (string)"],
    ['MRU', "'MRU' (string)"],
    [' LRU', "' LRU' (string)"],
    ['', "'' (string)"],
    [undefined, 'undefined'],
    [null, 'null'],
    [1, '1 (number)'],
    [{ policy: 'LRU' }, 'an object with keys policy'],
  ])('rejects %s', (value, received) => {
    let caught: unknown
    try {
      validateEvictionPolicy(value, ResourceCacheError)
    } catch (error) {
      caught = error
    }
    expect(caught).toBeInstanceOf(ResourceCacheError)
    const error = caught as ResourceCacheError
    expect(error.code).toBe('INVALID_EVICTION_POLICY')
    expect(error.param).toBe('evictionPolicy')
    expect(error.value).toEqual(value)
    expect(error.message).toContain('Invalid eviction policy')
    expect(error.message).toContain("'LRU'")
    expect(error.message).toContain("'LFU'")
    expect(error.message).toContain(`got ${received}`)
  })
})

import { describe, expect, it, vi } from 'vitest'
import { CacheError } from '../errors.js'
import { SingleFlight } from './SingleFlight.js'
import { deferred, flush } from '../test-support/deferred.js'

describe('SingleFlight', () => {
  it('runs fn once for 10,000 concurrent calls with one key; all get the same value', async () => {
    const flights = new SingleFlight<{ built: number }>()
    const gate = deferred<{ built: number }>()
    const fn = vi.fn(() => gate.promise)
    const N = 10_000
    const calls = Array.from({ length: N }, () => flights.run('key', fn))
    expect(fn).toHaveBeenCalledTimes(1)
    expect(flights.has('key')).toBe(true)
    expect(flights.size).toBe(1)
    // Every caller holds the very same promise.
    expect(new Set(calls).size).toBe(1)

    const value = { built: 1 }
    gate.resolve(value)
    const results = await Promise.all(calls)
    expect(results.every((r) => r === value)).toBe(true)
    expect(fn).toHaveBeenCalledTimes(1)
    expect(flights.has('key')).toBe(false)
    expect(flights.size).toBe(0)
  })

  it('rejects every concurrent caller on failure, caches nothing, and the next call retries', async () => {
    const flights = new SingleFlight<string>()
    const gate = deferred<string>()
    const failing = vi.fn(() => gate.promise)
    const calls = Array.from({ length: 100 }, () => flights.run('key', failing))
    const boom = new Error('loader failed')
    gate.reject(boom)
    const outcomes = await Promise.allSettled(calls)
    expect(outcomes.every((o) => o.status === 'rejected' && o.reason === boom)).toBe(true)
    expect(failing).toHaveBeenCalledTimes(1)
    expect(flights.has('key')).toBe(false)

    const retry = vi.fn(() => Promise.resolve('second time lucky'))
    await expect(flights.run('key', retry)).resolves.toBe('second time lucky')
    expect(retry).toHaveBeenCalledTimes(1)
    expect(flights.size).toBe(0)
  })

  it('forgets the key before any caller resumes, so a caller can retry right away', async () => {
    const flights = new SingleFlight<number>()
    const boom = new Error('first attempt')
    let attempts = 0
    const fn = () => (++attempts === 1 ? Promise.reject(boom) : Promise.resolve(attempts))
    const retried = flights.run('key', fn).catch((error: unknown) => {
      expect(error).toBe(boom)
      expect(flights.has('key')).toBe(false)
      return flights.run('key', fn)
    })
    await expect(retried).resolves.toBe(2)
    expect(attempts).toBe(2)
  })

  it('a synchronously throwing fn rejects that call only and caches nothing', async () => {
    const flights = new SingleFlight<string>()
    const boom = new Error('sync')
    const result = flights.run('key', () => {
      throw boom
    })
    expect(flights.has('key')).toBe(false)
    await expect(result).rejects.toBe(boom)
    await expect(flights.run('key', () => Promise.resolve('ok'))).resolves.toBe('ok')
  })

  it('never makes one key wait on another', async () => {
    const flights = new SingleFlight<string>()
    const slowA = deferred<string>()
    const a = flights.run('A', () => slowA.promise)
    let aSettled = false
    const markSettled = () => {
      aSettled = true
    }
    a.then(markSettled, markSettled)
    const fnB = vi.fn(() => Promise.resolve('B'))
    const b = flights.run('B', fnB)
    // B's fn starts at once, without waiting for A.
    expect(fnB).toHaveBeenCalledTimes(1)
    expect(flights.size).toBe(2)
    await expect(b).resolves.toBe('B')
    expect(aSettled).toBe(false)
    expect(flights.has('A')).toBe(true)
    expect(flights.has('B')).toBe(false)

    // A's failure does not touch B either.
    const fnB2 = vi.fn(() => Promise.resolve('B again'))
    const b2 = flights.run('B', fnB2)
    slowA.reject(new Error('A failed'))
    await expect(a).rejects.toThrow('A failed')
    await expect(b2).resolves.toBe('B again')
    expect(flights.size).toBe(0)
  })

  it('does not share across keys that differ only slightly', async () => {
    const flights = new SingleFlight<string>()
    const results = await Promise.all([
      flights.run('a', () => Promise.resolve('a')),
      flights.run('a ', () => Promise.resolve('a space')),
      flights.run('A', () => Promise.resolve('A')),
    ])
    expect(results).toEqual(['a', 'a space', 'A'])
  })

  it('shares only while pending: a call after settlement runs fn again', async () => {
    const flights = new SingleFlight<number>()
    let n = 0
    const fn = () => Promise.resolve(++n)
    await expect(flights.run('key', fn)).resolves.toBe(1)
    await flush()
    await expect(flights.run('key', fn)).resolves.toBe(2)
  })

  it('throws a CacheError for an fn that is not a function, keeping no state', () => {
    const flights = new SingleFlight<string>()
    expect(() => flights.run('key', 'nope' as unknown as () => Promise<string>)).toThrow(CacheError)
    expect(() => flights.run('key', undefined as unknown as () => Promise<string>)).toThrow(
      'fn must be a function, got undefined',
    )
    expect(flights.size).toBe(0)
  })
})

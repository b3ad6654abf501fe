/**
 * The bad-input matrix: every way to call a constructor, the maxSize setter, a factory or a
 * key-taking method wrongly, on every class. Each throws the side's base error (not a
 * subclass) naming the parameter, saying what was expected and what was received, and changes
 * nothing.
 */
import { describe, expect, it } from 'vitest'
import { createClientCache } from './createClientCache.js'
import { createResourceCache } from './createResourceCache.js'
import {
  cacheCases,
  manualClock,
  observe,
  record,
  thrown,
  type CacheCase,
} from './test-support/cacheFixtures.js'

class Options {
  maxSize = 3
}

/** [label, options, param, fragment of the message] */
const badOptions: ReadonlyArray<readonly [string, unknown, string, string]> = [
  ['null', null, 'options', 'got null'],
  ['a number', 5, 'options', 'got 5 (number)'],
  ['a string', 'LRU', 'options', "got 'LRU' (string)"],
  ['an array', [10], 'options', 'got an array of length 1'],
  ['a class instance', new Options(), 'options', 'got an instance of Options'],
  ['a function', () => 10, 'options', 'got an anonymous function'],
  ['maxSize 0', { maxSize: 0 }, 'options.maxSize', 'got 0 (number)'],
  ['maxSize -1', { maxSize: -1 }, 'options.maxSize', 'got -1 (number)'],
  ['maxSize 1.5', { maxSize: 1.5 }, 'options.maxSize', 'got 1.5 (number)'],
  ['maxSize NaN', { maxSize: Number.NaN }, 'options.maxSize', 'got NaN (number)'],
  ['maxSize Infinity', { maxSize: Infinity }, 'options.maxSize', 'got Infinity (number)'],
  ["maxSize '10'", { maxSize: '10' }, 'options.maxSize', "got '10' (string)"],
  ['maxSize 2**60', { maxSize: 2 ** 60 }, 'options.maxSize', `got ${2 ** 60} (number)`],
  ['maxSize null', { maxSize: null }, 'options.maxSize', 'got null'],
  ['maxSize {}', { maxSize: {} }, 'options.maxSize', 'got an empty object'],
  ['onEvict a string', { onEvict: 'destroy' }, 'options.onEvict', "got 'destroy' (string)"],
  ['onEvict null', { onEvict: null }, 'options.onEvict', 'got null'],
  [
    'onEvict an object',
    { onEvict: { call: 1 } },
    'options.onEvict',
    'got an object with keys call',
  ],
  ['now a number', { now: 5 }, 'options.now', 'got 5 (number)'],
  ['now a Date', { now: new Date(0) }, 'options.now', 'got an instance of Date'],
  [
    'an unknown option',
    { maxsize: 5 },
    'options.maxsize',
    'expected only maxSize, onEvict and now',
  ],
  ['evictionPolicy', { evictionPolicy: 'LFU' }, 'options.evictionPolicy', 'is not a cache option'],
]

const badSizes = [
  0,
  -1,
  1.5,
  Number.NaN,
  Infinity,
  -Infinity,
  '10',
  2 ** 60,
  null,
  undefined,
  {},
  [3],
  10n,
]

const badKeys = (c: CacheCase): ReadonlyArray<readonly [string, unknown]> => [
  ['a string', 'this is not a key'],
  ['the other side’s key', c.foreignKey(1)],
  ['null', null],
  ['undefined', undefined],
  ['a number', 1],
  ['a plain object shaped like a key', { id: c.key(1).id, label: c.key(1).label }],
  ['a prototype-forged object', Object.create(Object.getPrototypeOf(c.key(1)) as object)],
]

describe.each(cacheCases)('$name bad input', (c: CacheCase) => {
  it.each(badOptions)('constructor rejects options: %s', (_label, options, param, fragment) => {
    const error = thrown(() => new c.Class(options as never))
    expect(error.constructor).toBe(c.Base)
    expect(error.code).toBe('INVALID_ARGUMENT')
    expect(error.param).toBe(param)
    expect(error.message).toContain(fragment)
    expect(error.message.startsWith(param)).toBe(true)
  })

  it('constructor accepts undefined, {} and explicit undefined fields', () => {
    expect(new c.Class(undefined).maxSize).toBe(10)
    expect(new c.Class({}).maxSize).toBe(10)
    const options = { maxSize: undefined, onEvict: undefined, now: undefined }
    expect(new c.Class(options).maxSize).toBe(10)
    expect(new c.Class(Object.assign(Object.create(null) as object, { maxSize: 2 })).maxSize).toBe(
      2,
    )
  })

  it.each(badSizes)('maxSize setter rejects %s and changes nothing', (size) => {
    const clock = manualClock()
    const cache = new c.Class({ maxSize: 3, now: clock.now })
    for (let i = 0; i < 3; i++) cache.set(c.key(i), c.value(i))
    const events = record(cache)
    const before = observe(cache)
    const error = thrown(() => {
      cache.maxSize = size as number
    })
    expect(error.constructor).toBe(c.Base)
    expect(error.param).toBe('maxSize')
    expect(error.message).toMatch(
      /^maxSize must be a positive integer \(at most Number\.MAX_SAFE_INTEGER\), got /,
    )
    expect(observe(cache)).toEqual(before)
    expect(events).toEqual([])
  })

  const methods = ['has', 'get', 'peek', 'getOrThrow', 'delete', 'pop', 'set'] as const
  describe.each(methods)('%s', (method) => {
    it.each(badKeys(c))('rejects %s as key and changes nothing', (_label, key) => {
      const clock = manualClock()
      const evicted: unknown[] = []
      const cache = new c.Class({ maxSize: 2, now: clock.now, onEvict: (v) => evicted.push(v) })
      cache.set(c.key(1), c.value(1)).set(c.key(2), c.value(2))
      const events = record(cache)
      const before = observe(cache)
      const call = cache[method] as (key: unknown, value?: unknown) => unknown
      const error = thrown(() => call.call(cache, key, c.value(3)))
      expect(error.constructor).toBe(c.Base)
      expect(error.code).toBe('INVALID_ARGUMENT')
      expect(error.param).toBe('key')
      expect(error.message).toMatch(new RegExp(`^key must be a ${c.keyClassName}, got .+`))
      expect(observe(cache)).toEqual(before)
      expect(events).toEqual([])
      expect(evicted).toEqual([])
    })
  })

  it('messages and error values never show a secret key', () => {
    const cache = new c.Class()
    const secret = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY'
    const error = thrown(() => cache.get({ secretAccessKey: secret } as never))
    expect(error.message).not.toContain(secret)
    expect(JSON.stringify(error.value)).not.toContain(secret)
    const present = c.key(1, { secretAccessKey: secret })
    cache.set(present, c.value(1))
    const exists = thrown(() => cache.set(c.key(1, { secretAccessKey: secret }), c.value(1)))
    expect(exists.message).not.toContain(secret)
    expect(JSON.stringify(exists.details)).not.toContain(secret)
    const missing = thrown(() => cache.pop(c.key(2, { secretAccessKey: secret })))
    expect(missing.message).not.toContain(secret)
    expect(JSON.stringify(missing.details)).not.toContain(secret)
  })
})

type AnyFactory = (policy?: unknown, options?: unknown) => unknown
const factories: ReadonlyArray<readonly [string, AnyFactory, CacheCase['Base']]> = [
  ['createClientCache', createClientCache as AnyFactory, cacheCases[0]!.Base],
  ['createResourceCache', createResourceCache as AnyFactory, cacheCases[2]!.Base],
]

describe.each(factories)('%s bad input', (_name, create, Base) => {
  it.each(['lru', 'lfu', 'MRU', 'FIFO', '', null, 0, {}, ['LRU']])(
    'rejects policy %s',
    (policy) => {
      const error = thrown(() => create(policy))
      expect(error.constructor).toBe(Base)
      expect(error.code).toBe('INVALID_EVICTION_POLICY')
      expect(error.param).toBe('evictionPolicy')
      expect(error.message).toMatch(/Invalid eviction policy.*'LRU'.*'LFU'.*got /)
    },
  )

  it.each(badOptions)('rejects options: %s', (_label, options, param) => {
    for (const policy of ['LRU', 'LFU'] as const) {
      const error = thrown(() => create(policy, options))
      expect(error.constructor).toBe(Base)
      expect(error.param).toBe(param)
    }
  })

  it('checks the policy before the options', () => {
    const error = thrown(() => create('lru', { maxSize: 0 }))
    expect(error.code).toBe('INVALID_EVICTION_POLICY')
  })
})

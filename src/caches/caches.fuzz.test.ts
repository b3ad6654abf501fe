import { internals } from './CacheBase.js'
/**
 * Model check: random command sequences run against each cache class and against a naive
 * reference model (an array, re-sorted on every question: O(n log n) and obviously right).
 * After every command both must agree on the result or the error class thrown, the keys in
 * eviction order, the values (by identity), the size, maxSize, per-entry statistics, and the
 * evictions reported (key and reason, in order).
 */
import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import type { CacheEvent } from '../events.js'
import type { CacheKey } from '../keys/CacheKey.js'
import type { EvictReason, EvictionPolicy } from '../types.js'
import { cacheCases, observe, type AnyCache, type CacheCase } from './test-support/cacheFixtures.js'
import { fuzzRuns } from '../test-support/fuzzRuns.js'

/**
 * At least 200 runs; `FC_NUM_RUNS` raises it and `FC_SEED` replays a failure (see fuzzRuns).
 */
const NUM_RUNS = fuzzRuns()
const MAX_COMMANDS = 200
const KEY_SPACE = 10

type KeyOp = 'get' | 'getOrThrow' | 'peek' | 'has' | 'set' | 'delete' | 'pop'
type Command =
  | { op: KeyOp; k: number; fresh: boolean }
  | { op: 'popItem' }
  | { op: 'clear' }
  | { op: 'copy' }
  | { op: 'resize'; size: number }
  | { op: 'foreignKey'; method: KeyOp }

const keyOp = fc.constantFrom<KeyOp>('get', 'getOrThrow', 'peek', 'has', 'set', 'delete', 'pop')
const commandArb: fc.Arbitrary<Command> = fc.oneof(
  {
    weight: 20,
    arbitrary: fc.record({
      op: keyOp,
      k: fc.integer({ min: 0, max: KEY_SPACE - 1 }),
      fresh: fc.boolean(),
    }),
  },
  // Extra weight on set and get, so the caches fill up and LFU frequencies spread.
  {
    weight: 10,
    arbitrary: fc.record({
      op: fc.constantFrom<KeyOp>('set', 'get'),
      k: fc.integer({ min: 0, max: KEY_SPACE - 1 }),
      fresh: fc.boolean(),
    }),
  },
  { weight: 2, arbitrary: fc.constant({ op: 'popItem' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'clear' as const }) },
  { weight: 1, arbitrary: fc.constant({ op: 'copy' as const }) },
  {
    weight: 3,
    arbitrary: fc.record({
      op: fc.constant('resize' as const),
      size: fc.integer({ min: -1, max: 8 }),
    }),
  },
  { weight: 1, arbitrary: fc.record({ op: fc.constant('foreignKey' as const), method: keyOp }) },
)

interface ModelEntry {
  readonly k: number
  readonly value: object
  hits: number
  readonly createdAt: number
  lastUsedAt: number
  /** Position in recency: bigger is more recent. */
  recency: number
}

type Outcome = { ok: unknown } | { error: 'Base' | 'Exists' | 'NotFound' }

/** The naive reference: every question re-sorts an array. */
class Model {
  entries: ModelEntry[] = []
  evictions: Array<[number, EvictReason]> = []
  #counter = 0

  constructor(
    readonly policy: EvictionPolicy,
    public maxSize: number,
  ) {}

  clone(): Model {
    const model = new Model(this.policy, this.maxSize)
    model.entries = this.entries.map((entry) => ({ ...entry }))
    model.#counter = this.#counter
    return model
  }

  order(): ModelEntry[] {
    return [...this.entries].sort((a, b) =>
      this.policy === 'LRU' ? a.recency - b.recency : a.hits - b.hits || a.recency - b.recency,
    )
  }

  find(k: number): ModelEntry | undefined {
    return this.entries.find((entry) => entry.k === k)
  }

  #remove(entry: ModelEntry, reason: EvictReason): void {
    this.entries = this.entries.filter((e) => e !== entry)
    this.evictions.push([entry.k, reason])
  }

  #use(entry: ModelEntry, now: number): void {
    entry.hits++
    entry.lastUsedAt = now
    entry.recency = ++this.#counter
  }

  run(command: Command, now: number, value: object): Outcome {
    switch (command.op) {
      case 'get':
      case 'getOrThrow': {
        const entry = this.find(command.k)
        if (entry === undefined) {
          return command.op === 'get' ? { ok: undefined } : { error: 'NotFound' }
        }
        this.#use(entry, now)
        return { ok: entry.value }
      }
      case 'peek':
        return { ok: this.find(command.k)?.value }
      case 'has':
        return { ok: this.find(command.k) !== undefined }
      case 'set': {
        if (this.find(command.k) !== undefined) return { error: 'Exists' }
        if (this.entries.length >= this.maxSize) this.#remove(this.order()[0]!, 'capacity')
        this.entries.push({
          k: command.k,
          value,
          hits: 0,
          createdAt: now,
          lastUsedAt: now,
          recency: ++this.#counter,
        })
        return { ok: 'this' }
      }
      case 'delete':
      case 'pop': {
        const entry = this.find(command.k)
        if (entry === undefined)
          return command.op === 'delete' ? { ok: false } : { error: 'NotFound' }
        this.#remove(entry, 'delete')
        return { ok: command.op === 'delete' ? true : entry.value }
      }
      case 'popItem': {
        const victim = this.order()[0]
        if (victim === undefined) return { error: 'NotFound' }
        this.#remove(victim, 'delete')
        return { ok: [victim.k, victim.value] }
      }
      case 'clear':
        for (const entry of this.order()) this.#remove(entry, 'clear')
        return { ok: undefined }
      case 'resize': {
        if (command.size < 1) return { error: 'Base' }
        this.maxSize = command.size
        while (this.entries.length > this.maxSize) this.#remove(this.order()[0]!, 'resize')
        return { ok: undefined }
      }
      case 'foreignKey':
        return { error: 'Base' }
      case 'copy':
        return { ok: undefined }
    }
  }
}

/** Runs one command on the real cache, in the model's terms. */
function runReal(
  c: CacheCase,
  cache: AnyCache,
  command: Command,
  keys: readonly CacheKey[],
  value: object,
  indexOf: (key: CacheKey) => number,
): Outcome {
  try {
    switch (command.op) {
      case 'get':
      case 'getOrThrow':
      case 'peek':
      case 'has':
      case 'delete':
      case 'pop': {
        const key = command.fresh ? c.key(command.k) : keys[command.k]!
        return { ok: cache[command.op](key) }
      }
      case 'set': {
        const key = command.fresh ? c.key(command.k) : keys[command.k]!
        return { ok: cache.set(key, value) === cache ? 'this' : 'other' }
      }
      case 'popItem': {
        const [key, popped] = cache.popItem()
        return { ok: [indexOf(key), popped] }
      }
      case 'clear':
        cache.clear()
        return { ok: undefined }
      case 'resize':
        cache.maxSize = command.size
        return { ok: undefined }
      case 'foreignKey': {
        const method = cache[command.method] as (key: unknown, value?: unknown) => unknown
        return { ok: method.call(cache, c.foreignKey(0), value) }
      }
      case 'copy':
        return { ok: undefined }
    }
  } catch (error) {
    if (error instanceof c.Exists) return { error: 'Exists' }
    if (error instanceof c.NotFound) return { error: 'NotFound' }
    if (error instanceof Error && error.constructor === c.Base) return { error: 'Base' }
    throw error
  }
}

/** Small ids for value objects, so a state reads as one short string. */
const valueIds = new WeakMap<object, number>()
let nextValueId = 0
const valueId = (value: unknown): number => {
  if (typeof value !== 'object' || value === null) return -1
  let id = valueIds.get(value)
  if (id === undefined) valueIds.set(value, (id = nextValueId++))
  return id
}

/**
 * Compares the cache with the model: keys in eviction order, values by identity, size,
 * maxSize and per-entry statistics. Built as strings and compared with `===` first, because
 * `toEqual` on every one of ~100 000 commands is what would make this test slow.
 */
function check(cache: AnyCache, model: Model, indexOf: (key: CacheKey) => number): void {
  const actual = [
    `size=${cache.size} maxSize=${cache.maxSize}`,
    ...internals
      .entryStats(cache)
      .map(
        (s) =>
          `${indexOf(s.key)}:${valueId(s.value)} hits=${s.hits} f=${s.frequency} ` +
          `c=${s.createdAt} u=${s.lastUsedAt}`,
      ),
  ].join('\n')
  const order = model.order()
  const expected = [
    `size=${order.length} maxSize=${model.maxSize}`,
    ...order.map(
      (e) =>
        `${e.k}:${valueId(e.value)} hits=${e.hits} f=${e.hits + 1} ` +
        `c=${e.createdAt} u=${e.lastUsedAt}`,
    ),
  ].join('\n')
  if (actual !== expected) expect(actual).toBe(expected)
  // The public snapshots agree with the internal one.
  const keys = cache.keys()
  if (keys.length !== order.length || keys.some((key, i) => indexOf(key) !== order[i]!.k)) {
    expect(keys.map(indexOf)).toEqual(order.map((e) => e.k))
  }
}

function sameOutcome(a: Outcome, b: Outcome): boolean {
  if ('error' in a || 'error' in b) return 'error' in a && 'error' in b && a.error === b.error
  if (Array.isArray(a.ok) && Array.isArray(b.ok)) {
    return a.ok.length === b.ok.length && a.ok.every((item, i) => item === (b.ok as unknown[])[i])
  }
  return a.ok === b.ok
}

function sameEvictions(a: ReadonlyArray<[number, EvictReason]>, b: typeof a): boolean {
  return a.length === b.length && a.every(([k, reason], i) => b[i]![0] === k && b[i]![1] === reason)
}

describe.each(cacheCases)('$name against a reference model', (c: CacheCase) => {
  it('agrees after every command', () => {
    fc.assert(
      fc.property(
        fc.integer({ min: 1, max: 6 }),
        // size 'max': without it fast-check keeps arrays near 10 elements whatever maxLength says.
        fc.array(commandArb, { maxLength: MAX_COMMANDS, size: 'max' }),
        (initialSize, commands) => {
          const keys = Array.from({ length: KEY_SPACE }, (_, k) => c.key(k))
          const byId = new Map(keys.map((key, k) => [key.id, k]))
          const indexOf = (key: CacheKey): number => byId.get(key.id) ?? -1
          let time = 0
          const now = () => time

          const onEvictLog: Array<[number, EvictReason]> = []
          const original = new c.Class({
            maxSize: initialSize,
            now,
            onEvict: (_value, key, reason) => onEvictLog.push([indexOf(key), reason]),
          })
          internals.keepStats(original) // the model tracks entry statistics, as sessions ask
          const originalEvictions: Array<[number, EvictReason]> = []
          original.subscribe((event) => {
            if (event.type === 'evict')
              originalEvictions.push([byId.get(event.keyId) ?? -1, event.reason])
          })
          let cache = original
          let model = new Model(c.evictionPolicy, initialSize)
          const events: Array<[number, EvictReason]> = []
          const listen = (target: AnyCache) =>
            target.subscribe((event: CacheEvent) => {
              if (event.type === 'evict') events.push([byId.get(event.keyId) ?? -1, event.reason])
            })
          listen(cache)
          const frozen: Array<{ cache: AnyCache; state: unknown }> = []

          for (const command of commands) {
            time++
            if (command.op === 'copy') {
              const copy = cache.copy()
              expect(copy.constructor).toBe(c.Class)
              expect(observe(copy)).toEqual(observe(cache))
              // Keep checking the copy; the cache it came from must not change any more.
              frozen.push({ cache, state: observe(cache) })
              cache = copy
              model = model.clone()
              model.evictions = []
              events.length = 0
              listen(cache)
              continue
            }
            const value = c.value(`${time}`)
            const expected = model.run(command, time, value)
            const actual = runReal(c, cache, command, keys, value, indexOf)
            if (!sameOutcome(actual, expected)) expect(actual).toEqual(expected)
            if (!sameEvictions(events, model.evictions)) expect(events).toEqual(model.evictions)
            check(cache, model, indexOf)
          }
          // onEvict saw exactly what the evict events said, in the same order.
          expect(onEvictLog).toEqual(originalEvictions)
          for (const { cache: old, state } of frozen) expect(observe(old)).toEqual(state)
        },
      ),
      { numRuns: NUM_RUNS },
    )
  })
})

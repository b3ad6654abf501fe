import { internals } from '../CacheBase.js'
/**
 * Shared fixtures for the cache tests: a tiny fake AWS client, keys for both sides, and one
 * {@link CacheCase} per public cache class so a suite can run against all four with
 * `describe.each(cacheCases)`.
 */
import {
  ClientCacheError,
  ClientCacheExistsError,
  ClientCacheNotFoundError,
  ResourceCacheError,
  ResourceCacheExistsError,
  ResourceCacheNotFoundError,
  type CacheError,
} from '../../errors.js'
import type { CacheEvent } from '../../events.js'
import type { CacheKey } from '../../keys/CacheKey.js'
import { ClientCacheKey } from '../../keys/ClientCacheKey.js'
import { ResourceCacheKey } from '../../keys/ResourceCacheKey.js'
import { defineResource } from '../../resources/defineResource.js'
import type { CacheType, EvictReason, EvictionPolicy } from '../../types.js'
import type { CacheBase } from '../CacheBase.js'
import { LFUClientCache } from '../LFUClientCache.js'
import { LFUResourceCache } from '../LFUResourceCache.js'
import { LRUClientCache } from '../LRUClientCache.js'
import { LRUResourceCache } from '../LRUResourceCache.js'

/** The smallest thing a client cache accepts: `send` and `destroy` methods. */
export class FakeClient {
  readonly config: { region?: string; n?: number | string }
  destroyed = false
  constructor(config: { region?: string; n?: number | string } = {}) {
    this.config = config
  }
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {
    this.destroyed = true
  }
}

/** Another client class: same config, different key. */
export class OtherFakeClient extends FakeClient {}

/** A resource built over {@link FakeClient}. */
export const widget = defineResource({
  name: 'Widget',
  client: FakeClient,
  create: (client) => ({ client }),
})

/** Another resource definition over the same client class. */
export const gadget = defineResource({
  name: 'Gadget',
  client: FakeClient,
  create: (client) => ({ client, gadget: true }),
})

/** What every cache class looks like to the tests, whatever its side. */
export type AnyCache = CacheBase<CacheKey, object, CacheType, EvictionPolicy>

/** Constructor options as the tests pass them. */
export interface TestOptions {
  maxSize?: number
  onEvict?: (value: object, key: CacheKey, reason: EvictReason) => void
  now?: () => number
}

/** One public cache class and what the suites need to know about it. */
export interface CacheCase {
  readonly name: string
  readonly cacheType: CacheType
  readonly evictionPolicy: EvictionPolicy
  readonly header: 'ClientCache:' | 'ResourceCache:'
  readonly keyClassName: 'ClientCacheKey' | 'ResourceCacheKey'
  readonly Class: new (options?: TestOptions) => AnyCache
  readonly Base: typeof ClientCacheError | typeof ResourceCacheError
  readonly Exists: typeof ClientCacheExistsError | typeof ResourceCacheExistsError
  readonly NotFound: typeof ClientCacheNotFoundError | typeof ResourceCacheNotFoundError
  /** A key of this cache's class; equal `n` give equal keys (built from fresh objects). */
  key(n: number | string, extra?: Record<string, unknown>): CacheKey
  /** A key of the other side's class (never accepted here). */
  foreignKey(n: number | string): CacheKey
  /** A fresh value this cache accepts. */
  value(n: number | string): object
  /** Values this cache rejects, with the error code expected. */
  readonly badValues: ReadonlyArray<readonly [unknown, string]>
}

const clientKey = (n: number | string, extra?: Record<string, unknown>): CacheKey =>
  new ClientCacheKey(FakeClient, { region: 'us-west-2', n, ...extra })
const resourceKey = (n: number | string, extra?: Record<string, unknown>): CacheKey =>
  new ResourceCacheKey(widget, { region: 'us-west-2', n, ...extra })

const clientCase = {
  cacheType: 'client',
  header: 'ClientCache:',
  keyClassName: 'ClientCacheKey',
  Base: ClientCacheError,
  Exists: ClientCacheExistsError,
  NotFound: ClientCacheNotFoundError,
  key: clientKey,
  foreignKey: resourceKey,
  value: (n: number | string) => new FakeClient({ region: 'us-west-2', n }),
  badValues: [
    [null, 'NOT_A_CLIENT'],
    [undefined, 'NOT_A_CLIENT'],
    ['this is not a client', 'NOT_A_CLIENT'],
    [42, 'NOT_A_CLIENT'],
    [{}, 'NOT_A_CLIENT'],
    [{ send: () => undefined }, 'NOT_A_CLIENT'],
    [{ destroy: () => undefined }, 'NOT_A_CLIENT'],
    [{ send: 1, destroy: () => undefined }, 'NOT_A_CLIENT'],
    [() => undefined, 'NOT_A_CLIENT'],
  ],
} as const

const resourceCase = {
  cacheType: 'resource',
  header: 'ResourceCache:',
  keyClassName: 'ResourceCacheKey',
  Base: ResourceCacheError,
  Exists: ResourceCacheExistsError,
  NotFound: ResourceCacheNotFoundError,
  key: resourceKey,
  foreignKey: clientKey,
  value: (n: number | string) => ({ resource: n }),
  badValues: [
    [null, 'INVALID_ARGUMENT'],
    [undefined, 'INVALID_ARGUMENT'],
    ['this is not a resource', 'INVALID_ARGUMENT'],
    [42, 'INVALID_ARGUMENT'],
    [true, 'INVALID_ARGUMENT'],
    [Symbol('s'), 'INVALID_ARGUMENT'],
  ],
} as const

/** The four public cache classes. */
export const cacheCases: readonly CacheCase[] = [
  {
    name: 'LRUClientCache',
    evictionPolicy: 'LRU',
    Class: LRUClientCache as unknown as CacheCase['Class'],
    ...clientCase,
  },
  {
    name: 'LFUClientCache',
    evictionPolicy: 'LFU',
    Class: LFUClientCache as unknown as CacheCase['Class'],
    ...clientCase,
  },
  {
    name: 'LRUResourceCache',
    evictionPolicy: 'LRU',
    Class: LRUResourceCache as unknown as CacheCase['Class'],
    ...resourceCase,
  },
  {
    name: 'LFUResourceCache',
    evictionPolicy: 'LFU',
    Class: LFUResourceCache as unknown as CacheCase['Class'],
    ...resourceCase,
  },
]

/** A manual clock: each read returns the current time; `tick()` advances it. */
export function manualClock(start = 1_000): { now: () => number; tick: (ms?: number) => void } {
  let time = start
  return {
    now: () => time,
    tick: (ms = 1) => {
      time += ms
    },
  }
}

/** Everything observable about a cache, to check that a rejected call changed nothing. */
export function observe(cache: AnyCache): unknown {
  return {
    size: cache.size,
    maxSize: cache.maxSize,
    ids: cache.keys().map((key) => key.id),
    values: cache.values(),
    stats: internals.entryStats(cache).map(({ hits, frequency, createdAt, lastUsedAt }) => ({
      hits,
      frequency,
      createdAt,
      lastUsedAt,
    })),
  }
}

/** Subscribes and returns the array the events land in. */
export function record(cache: AnyCache): CacheEvent[] {
  const events: CacheEvent[] = []
  cache.subscribe((event) => events.push(event))
  return events
}

/** Runs `fn` and returns what it threw (fails the test if it returned). */
export function thrown(fn: () => unknown): CacheError {
  try {
    fn()
  } catch (error) {
    return error as CacheError
  }
  throw new Error('expected the call to throw')
}

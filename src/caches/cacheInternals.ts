import type { EvictReason } from '../types.js'
import type { CacheEvent } from '../events.js'
import type { CacheKey } from '../keys/CacheKey.js'
import type { CacheBase } from './CacheBase.js'

// The types of what a session uses of its caches (`hitByIdentity` and `internals`, which
// `CacheBase.ts` exports and its static block sets).

/** One entry with its usage statistics, as `internals.entryStats()` lists them. @internal */
export interface CacheEntryStats<K, V> {
  readonly key: K
  readonly value: V
  /** Uses recorded: `get`, `getOrThrow`, session hits. */
  readonly hits: number
  /** LFU frequency: 1 when added, +1 per use. LRU caches report the same (`hits + 1`). */
  readonly frequency: number
  /** When the entry was added, in ms since the epoch (the cache's clock). */
  readonly createdAt: number
  /** When it was last used (its `createdAt` until the first use). */
  readonly lastUsedAt: number
}

/** Any cache, as the internal functions below take it. @internal */
/* eslint-disable-next-line @typescript-eslint/no-explicit-any -- K, V, T and P appear in every variance */
export type AnyCacheOf<V = any> = CacheBase<any, V, any, any>

/**
 * The rest of what a session uses of its caches, off the hit path.
 * @internal
 */
export interface CacheInternals {
  /** The value for an exact key identity, recording no use. */
  peek<V>(cache: AnyCacheOf<V>, identity: string): V | undefined
  /** Emits an event to the cache's subscribers (the session's `miss`, `dispose`, …). */
  emit(cache: AnyCacheOf, event: CacheEvent): void
  /** `true` when someone listens; check it before building an event. */
  hasListeners(cache: AnyCacheOf): boolean
  /** Removes every entry with `reason` (an `evict` event and `onEvict` each), without `clear`. */
  removeAll(cache: AnyCacheOf, reason: EvictReason): void
  /** Makes entries keep `hits`, `createdAt` and `lastUsedAt` (a session's snapshot reads them). */
  keepStats(cache: AnyCacheOf): void
  /** Every entry with its statistics, next victim first (for snapshots). */
  entryStats(cache: AnyCacheOf): Array<CacheEntryStats<CacheKey, unknown>>
}

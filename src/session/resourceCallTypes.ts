/**
 * Types of `resource()`, `resourceAsync()` and `useResource()`: their options and the loader
 * `resourceAsync()` accepts.
 *
 * @module
 */
import type { LFUResourceCache } from '../caches/LFUResourceCache.js'
import type { LRUResourceCache } from '../caches/LRUResourceCache.js'
import type { CacheOptions, EvictionPolicy } from '../types.js'

/** Per-call options of `resource()`, `resourceAsync()` and `useResource()`. */
export interface ResourceCallOptions<TOptions = unknown> extends CacheOptions {
  /** Passed to the definition's `create`; part of the key. */
  resourceOptions?: TOptions
}

/**
 * A loader for `resourceAsync()`: resolves to a definition or `{ default: definition }` (a
 * module whose default export is the definition).
 *
 * @typeParam D - the resource definition it loads
 */
export type ResourceLoader<D> = () => Promise<D | { default: D }>

/** A resource call, validated: its cache, effective config, identity and options. @internal */
export interface ResourceCall {
  readonly policy: EvictionPolicy
  readonly cache: LRUResourceCache | LFUResourceCache
  readonly effective: Record<string, unknown>
  readonly identity: string
  readonly resourceOptions: unknown
}

import type { CacheEventListener } from '../events.js'
import type { CacheType, EvictionPolicy } from '../types.js'
import type { SessionSnapshot } from './SessionSnapshot.js'

/**
 * What a development build registers with the browser DevTools extension's hook
 * (`globalThis[Symbol.for('aws-client-cache.devtools')]`) for each live session, and what the
 * panel reads: built only from the secret-free snapshot and events. The in-app panel drives a
 * local session through the same shape, so the panel has one data source whether the session is
 * in the page or behind the extension's bridge.
 *
 * Actions return nothing and never throw: behind the bridge they are messages, and their effects
 * arrive as events and snapshots like any other change. `createDevtoolsHandle(session)` builds one.
 *
 * @example
 * ```ts
 * import { createDevtoolsHandle, Session, type DevtoolsHandle } from 'aws-client-cache'
 *
 * const handle: DevtoolsHandle = createDevtoolsHandle(new Session())
 * const stop = handle.subscribe((event) => {
 *   if (event.type === 'create') console.log(handle.snapshot().caches.client.LRU.size)
 * })
 * handle.clear('client', 'LRU')
 * stop()
 * ```
 */
export interface DevtoolsHandle {
  /** The session's id (`snapshot().id`). */
  readonly id: string
  /** The package version that registered the handle. */
  readonly version: string
  /** The session's secret-free state (`session.snapshot()`). */
  snapshot(): SessionSnapshot
  /** Receives every event of the session; returns the function that stops it. */
  subscribe(listener: CacheEventListener): () => void
  /** Evicts the entry whose key id is `keyId` (reason `delete`); nothing when it is gone. */
  evict(cacheType: CacheType, policy: EvictionPolicy, keyId: string): void
  /** Removes every entry of that cache (reason `clear`). */
  clear(cacheType: CacheType, policy: EvictionPolicy): void
  /** Sets that cache's `maxSize`; a refused size changes nothing. */
  resize(cacheType: CacheType, policy: EvictionPolicy, maxSize: number): void
}

/**
 * What the extension's hook script installs at `globalThis[Symbol.for('aws-client-cache.devtools')]`
 * before any page script runs. In development builds every new `Session` calls `register` with
 * its handle, and calls the function it returned on `dispose()`; a hook that throws is reported,
 * and the session carries on without it.
 *
 * @example
 * ```ts
 * import type { DevtoolsHandle, DevtoolsHook } from 'aws-client-cache'
 *
 * const handles = new Set<DevtoolsHandle>()
 * const hook: DevtoolsHook = {
 *   register(handle) {
 *     handles.add(handle)
 *     return () => handles.delete(handle)
 *   },
 * }
 * Object.defineProperty(globalThis, Symbol.for('aws-client-cache.devtools'), { value: hook })
 * ```
 */
export interface DevtoolsHook {
  /** Called by each session in development builds; returns the function that unregisters it. */
  register(handle: DevtoolsHandle): () => void
}

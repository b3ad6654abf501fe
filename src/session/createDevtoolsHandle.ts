import type { CacheKey } from '../keys/CacheKey.js'
import type { CacheType, EvictionPolicy } from '../types.js'
import { VERSION } from '../version.js'
import type { DevtoolsHandle } from './DevtoolsHandle.js'
import type { Session } from './Session.js'
import type { SessionSnapshot } from './SessionSnapshot.js'

/** What a handle does to a cache: the four caches' common public API. */
interface ActionableCache {
  maxSize: number
  keys(): CacheKey[]
  delete(key: never): boolean
  clear(): void
}

/** The session's cache of that type and policy; `undefined` for anything else (a bad message). */
function cacheOf(
  session: Session | undefined,
  type: unknown,
  policy: unknown,
): ActionableCache | undefined {
  if (
    session === undefined ||
    (type !== 'client' && type !== 'resource') ||
    (policy !== 'LRU' && policy !== 'LFU')
  ) {
    return undefined
  }
  return session.cache[type][policy]
}

/**
 * A {@link DevtoolsHandle} over a session, built only from its public API: `snapshot()`,
 * `subscribe()` and the four caches' `keys()`, `delete()`, `clear()` and `maxSize`. What a
 * development build registers with the browser extension's hook, and what the in-app devtools
 * panel reads a session through.
 *
 * The actions never throw (behind the extension's bridge they are messages): an unknown cache,
 * a key id no longer cached or a refused size change nothing.
 *
 * @example
 * ```ts
 * import { createDevtoolsHandle, Session } from 'aws-client-cache'
 *
 * const handle = createDevtoolsHandle(new Session({ region: 'us-east-1' }))
 * const stop = handle.subscribe((event) => console.log(event.type))
 * handle.resize('client', 'LRU', 20)
 * handle.snapshot().caches.client.LRU.maxSize // 20
 * stop()
 * ```
 */
export function createDevtoolsHandle(session: Session): DevtoolsHandle {
  // Held weakly where the runtime can, so a hook holding the handle never keeps the session
  // alive (see devtoolsHook.ts: a collected session is unregistered).
  const ref = weakly(session)
  let id: string | undefined
  let last: SessionSnapshot | undefined
  const live = (): Session | undefined => ref.deref()
  return {
    // Read once, on first use: a snapshot is built only when something asks.
    get id() {
      return (id ??= (last = (live() as Session).snapshot()).id)
    },
    version: VERSION,
    snapshot: () => {
      const current = live()
      // Collected and not yet unregistered: its last state.
      return current === undefined ? (last as SessionSnapshot) : (last = current.snapshot())
    },
    subscribe: (listener) => live()?.subscribe(listener) ?? noop,
    evict(cacheType: CacheType, policy: EvictionPolicy, keyId: string) {
      const cache = cacheOf(live(), cacheType, policy)
      const key = cache?.keys().find((candidate) => candidate.id === keyId)
      if (key !== undefined) cache?.delete(key as never)
    },
    clear(cacheType: CacheType, policy: EvictionPolicy) {
      cacheOf(live(), cacheType, policy)?.clear()
    },
    resize(cacheType: CacheType, policy: EvictionPolicy, maxSize: number) {
      const cache = cacheOf(live(), cacheType, policy)
      if (cache === undefined) return
      try {
        cache.maxSize = maxSize
      } catch {
        // Refused (not a positive safe integer): the cache is unchanged, as documented.
      }
    },
  }
}

/** A weak reference (a strong one where the runtime has none); a function of its own, so no
 * closure of the handle captures `session` itself. */
function weakly(session: Session): { deref(): Session | undefined } {
  return typeof WeakRef === 'function' ? new WeakRef(session) : { deref: () => session }
}

function noop(): void {}

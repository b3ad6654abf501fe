import type { CacheKey } from '../keys/CacheKey.js'
import type { CacheType, EvictionPolicy } from '../types.js'
import { VERSION } from '../version.js'
import type { DevtoolsHandle } from './DevtoolsHandle.js'
import type { Session } from './Session.js'

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

/** Each session's live subscriptions through handles: token → the session's stop function. */
const subscriptions = new WeakMap<Session, Map<object, () => void>>()

/**
 * A {@link DevtoolsHandle} over a session, built only from its public API: `snapshot()`,
 * `subscribe()` and the four caches' `keys()`, `delete()`, `clear()` and `maxSize`. What a
 * development build registers with the browser extension's hook, and what the in-app devtools
 * panel reads a session through.
 *
 * The actions never throw (behind the extension's bridge they are messages): an unknown cache,
 * a key id no longer cached or a refused size changes nothing.
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
  // The session is held weakly where the runtime can, and nothing the handle hands out leads
  // back to it, so a hook holding the handle (or a subscription's stop function) never keeps
  // the session alive: see devtoolsHook.ts, which unregisters a collected session.
  const ref = weakly(session)
  let last = session.snapshot()
  const live = (): Session | undefined => ref.deref()
  return {
    id: last.id,
    version: VERSION,
    // Collected and not yet unregistered: its last state.
    snapshot: () => (last = live()?.snapshot() ?? last),
    subscribe: (listener) => {
      const current = live()
      if (current === undefined) return noop
      const token = {}
      let mine = subscriptions.get(current)
      if (mine === undefined) subscriptions.set(current, (mine = new Map<object, () => void>()))
      mine.set(token, current.subscribe(listener))
      // Reaches the session's own stop function through the weak reference only: that function
      // leads (through the session's caches) to the session.
      return () => {
        const target = live()
        const stops = target === undefined ? undefined : subscriptions.get(target)
        const stop = stops?.get(token)
        if (stop === undefined) return
        stops?.delete(token)
        stop()
      }
    },
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

import type {
  CacheEvent,
  CacheEventListener,
  DevtoolsHandle,
  SessionSnapshot,
} from 'aws-client-cache'
import type { SessionAction } from './HookCommand.js'

/** A {@link DevtoolsHandle} for a session behind the bridge, fed by the panel's connection. */
export interface RemoteHandle extends DevtoolsHandle {
  /**
   * A batch from the hook: the snapshot after `events` first, then each event to each listener.
   * The panel re-reads the snapshot after events, so a batch must carry at least one (the hook's
   * always do, and the relay and the service worker drop any other).
   */
  receive(snapshot: SessionSnapshot, events: readonly CacheEvent[]): void
}

export interface RemoteHandleOptions {
  /** The session's registration key in its hook: what actions name (see `HookMessage`). */
  readonly key: string
  /** The session's own id (`snapshot.id`), for display: not unique in a page. */
  readonly id: string
  readonly version: string
  readonly snapshot: SessionSnapshot
  /** Posts an action to the session's frame. */
  send(action: SessionAction): void
}

/**
 * The panel's side of a remote session: `snapshot()` answers from the last snapshot the hook
 * sent, `subscribe()` hears the bridged events, and the actions become messages to the page
 * (their effects come back as events, like any other change). So the extension's panel drives
 * the same components as the in-app one.
 *
 * @example
 * ```ts
 * const handle = createRemoteHandle({ key, id, version, snapshot, send: (action) => port.post(action) })
 * handle.subscribe((event) => console.log(event.type))
 * handle.receive(nextSnapshot, events)
 * ```
 */
export function createRemoteHandle(options: RemoteHandleOptions): RemoteHandle {
  const { key, id, version, send } = options
  let snapshot = options.snapshot
  const listeners = new Set<CacheEventListener>()
  return {
    id,
    version,
    snapshot: () => snapshot,
    subscribe(listener) {
      listeners.add(listener)
      return () => {
        listeners.delete(listener)
      }
    },
    evict: (cacheType, policy, keyId) =>
      send({ type: 'evict', sessionKey: key, cacheType, policy, keyId }),
    clear: (cacheType, policy) => send({ type: 'clear', sessionKey: key, cacheType, policy }),
    resize: (cacheType, policy, maxSize) =>
      send({ type: 'resize', sessionKey: key, cacheType, policy, maxSize }),
    receive(next, events) {
      snapshot = next
      // A copy: a listener may unsubscribe (or subscribe another) while being called.
      const current = [...listeners]
      for (const event of events) for (const listener of current) listener(event)
    },
  }
}

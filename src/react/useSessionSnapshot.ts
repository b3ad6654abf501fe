import { useContext, useSyncExternalStore } from 'react'
import { getDefaultSession } from '../session/defaultSession.js'
import type { Session } from '../session/Session.js'
import type { SessionSnapshot } from '../session/SessionSnapshot.js'
import { snapshotStoreOf } from './snapshotStore.js'
import { SessionContext } from './SessionContext.js'

/**
 * The session's {@link SessionSnapshot}, kept current through `useSyncExternalStore` over
 * `session.subscribe`. The same object is returned until an event arrives; a burst of events
 * (a resize that evicts ten clients) re-renders once. Components reading one session share a
 * single listener.
 *
 * @param session - defaults to the nearest `SessionProvider`'s session, else the default session
 * @example
 * ```tsx
 * function CacheSize() {
 *   const snapshot = useSessionSnapshot()
 *   const { size, maxSize } = snapshot.caches.client.LRU
 *   return <span>{size} / {maxSize} clients</span>
 * }
 * ```
 */
export function useSessionSnapshot(session?: Session): SessionSnapshot {
  const contextSession = useContext(SessionContext)
  const store = snapshotStoreOf(session ?? contextSession ?? getDefaultSession())
  return useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
}

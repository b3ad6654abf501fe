import type { Session } from '../session/Session.js'
import type { SessionSnapshot } from '../session/SessionSnapshot.js'

/** The `subscribe` / `getSnapshot` pair `useSyncExternalStore` reads a session through. */
export interface SnapshotStore {
  subscribe(onChange: () => void): () => void
  getSnapshot(): SessionSnapshot
}

const stores = new WeakMap<Session, SnapshotStore>()

/**
 * One store per session, shared by every component that reads it: a single session listener,
 * however many components subscribe.
 */
export function snapshotStoreOf(session: Session): SnapshotStore {
  let store = stores.get(session)
  if (store === undefined) {
    store = createSnapshotStore(session)
    stores.set(session, store)
  }
  return store
}

/**
 * `session.snapshot()` builds a new object on every call, and `useSyncExternalStore` needs the
 * same object until something changed, or it renders for ever. So the store keeps the last
 * snapshot and drops it only when an event arrives; listeners hear of a burst of events once
 * (one notification per microtask), and the next read rebuilds the snapshot once.
 */
function createSnapshotStore(session: Session): SnapshotStore {
  const listeners = new Set<() => void>()
  let snapshot: SessionSnapshot | undefined
  let stop: (() => void) | undefined
  let notifyScheduled = false
  /** Bumped on every (un)subscription, so a stale unsubscribed-read expiry does nothing. */
  let epoch = 0

  const notify = (): void => {
    notifyScheduled = false
    for (const listener of [...listeners]) listener()
  }

  const onEvent = (): void => {
    snapshot = undefined
    if (notifyScheduled) return
    notifyScheduled = true
    queueMicrotask(notify)
  }

  return {
    subscribe(onChange) {
      listeners.add(onChange)
      if (stop === undefined) {
        epoch++
        stop = session.subscribe(onEvent)
        // Nothing tracked changes while no one listened: check the snapshot a render read then.
        // Keeping the old object when nothing changed spares every new subscriber a render.
        if (snapshot !== undefined) {
          const fresh = session.snapshot()
          if (JSON.stringify(fresh) !== JSON.stringify(snapshot)) snapshot = fresh
        }
      }
      let active = true
      return () => {
        if (!active) return
        active = false
        listeners.delete(onChange)
        if (listeners.size === 0 && stop !== undefined) {
          stop()
          stop = undefined
          epoch++
          snapshot = undefined
        }
      }
    },
    getSnapshot() {
      if (snapshot === undefined) {
        snapshot = session.snapshot()
        if (stop === undefined) {
          // Unsubscribed, no event will tell the snapshot is stale: it serves the reads of this
          // task (one render reads it several times), then the next read builds a fresh one.
          const readEpoch = epoch
          queueMicrotask(() => {
            if (epoch === readEpoch && stop === undefined) snapshot = undefined
          })
        }
      }
      return snapshot
    },
  }
}

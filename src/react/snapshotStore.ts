import type { Session } from '../session/Session.js'
import type { SessionSnapshot } from '../session/SessionSnapshot.js'

/**
 * What a {@link SnapshotStore} reads: a snapshot, and a way to hear that it changed. A `Session`
 * is one, and so is a `DevtoolsHandle`.
 */
export interface SnapshotSource<T> {
  /** Builds the current state (a new object on every call is fine: the store keeps it). */
  snapshot(): T
  /** Calls `onChange` after each change; returns the function that stops it. */
  subscribe(onChange: () => void): () => void
}

/** The `subscribe` / `getSnapshot` pair `useSyncExternalStore` reads a source through. */
export interface SnapshotStore<T> {
  subscribe(onChange: () => void): () => void
  getSnapshot(): T
}

/**
 * Runs `task` once, later: when the store tells its listeners about a burst of changes.
 * `queueMicrotask` (the default) tells them once per task; `requestAnimationFrame` at most once
 * per frame.
 */
export type SnapshotScheduler = (task: () => void) => void

const microtask: SnapshotScheduler = (task) => queueMicrotask(task)

/**
 * A store over a source whose `snapshot()` builds a new object on every call, for
 * `useSyncExternalStore`, which needs the same object until something changed (or it renders for
 * ever). Framework-free.
 *
 * - The store keeps the last snapshot and drops it when the source reports a change; the next
 *   read builds one, so a burst of changes costs one `snapshot()`.
 * - Listeners hear of a burst once: the first change schedules one notification with `schedule`.
 * - It subscribes to the source while it has listeners, once however many it has.
 * - Read while nobody listens, a snapshot serves the reads of the current task (one render reads
 *   it several times), then the next read builds a fresh one. When the first listener comes, a
 *   fresh snapshot replaces the kept one only if it differs (compared as JSON: the source's
 *   snapshots must be plain data), which spares every new listener a render.
 *
 * @param schedule - defaults to a microtask. The expiry of reads made while nobody listens is
 *   always a microtask, so that a store also works where there is no frame (a server render).
 * @example
 * ```tsx
 * import { useSyncExternalStore } from 'react'
 * import { createSnapshotStore } from 'aws-client-cache/react'
 *
 * // At most one snapshot (and one render) per animation frame, however many events arrive.
 * const store = createSnapshotStore(session, (task) => requestAnimationFrame(() => task()))
 *
 * function CacheSize() {
 *   const snapshot = useSyncExternalStore(store.subscribe, store.getSnapshot)
 *   return <span>{snapshot.caches.client.LRU.size} clients</span>
 * }
 * ```
 */
export function createSnapshotStore<T>(
  source: SnapshotSource<T>,
  schedule: SnapshotScheduler = microtask,
): SnapshotStore<T> {
  const listeners = new Set<() => void>()
  let snapshot: T | undefined
  /** Whether `snapshot` holds the current state (it may itself be `undefined`). */
  let kept = false
  let stop: (() => void) | undefined
  let notifyScheduled = false
  /** Bumped on every first subscription and last unsubscription, so a stale expiry does nothing. */
  let epoch = 0

  const notify = (): void => {
    notifyScheduled = false
    for (const listener of [...listeners]) listener()
  }

  const onChange = (): void => {
    kept = false
    snapshot = undefined
    if (notifyScheduled) return
    notifyScheduled = true
    schedule(notify)
  }

  return {
    subscribe(listener) {
      listeners.add(listener)
      if (stop === undefined) {
        epoch++
        stop = source.subscribe(onChange)
        // Nothing told the store of changes while no one listened: check the snapshot a render
        // read then. Keeping the old object when nothing changed spares every new listener a
        // render.
        if (kept) {
          const fresh = source.snapshot()
          if (JSON.stringify(fresh) !== JSON.stringify(snapshot)) snapshot = fresh
        }
      }
      let active = true
      return () => {
        if (!active) return
        active = false
        listeners.delete(listener)
        if (listeners.size === 0 && stop !== undefined) {
          stop()
          stop = undefined
          epoch++
          kept = false
          snapshot = undefined
        }
      }
    },
    getSnapshot() {
      if (!kept) {
        snapshot = source.snapshot()
        kept = true
        if (stop === undefined) {
          const readEpoch = epoch
          queueMicrotask(() => {
            if (epoch === readEpoch && stop === undefined) {
              kept = false
              snapshot = undefined
            }
          })
        }
      }
      return snapshot as T
    },
  }
}

const stores = new WeakMap<Session, SnapshotStore<SessionSnapshot>>()

/**
 * One store per session, shared by every component that reads it: a single session listener,
 * however many components subscribe.
 */
export function snapshotStoreOf(session: Session): SnapshotStore<SessionSnapshot> {
  let store = stores.get(session)
  if (store === undefined) {
    store = createSnapshotStore<SessionSnapshot>(session)
    stores.set(session, store)
  }
  return store
}

/**
 * Small hooks over the session's public API (`subscribe` + `snapshot`). The snapshot is read
 * through the store aws-client-cache/react exports, the same one its own hooks and the devtools
 * use, here at most once per animation frame.
 */
import type { CacheEvent, Session, SessionSnapshot } from 'aws-client-cache'
import { createSnapshotStore, type SnapshotStore } from 'aws-client-cache/react'
import { useEffect, useRef, useState, useSyncExternalStore } from 'react'

const stores = new WeakMap<Session, SnapshotStore<SessionSnapshot>>()

/** At most one snapshot (and one render) per animation frame, however many events arrive. */
const nextFrame = (task: () => void): void => {
  requestAnimationFrame(() => task())
}

/** The session's snapshot, re-read at most once per animation frame after events. */
export function useSessionSnapshot(session: Session): SessionSnapshot {
  let store = stores.get(session)
  if (store === undefined) stores.set(session, (store = createSnapshotStore(session, nextFrame)))
  return useSyncExternalStore(store.subscribe, store.getSnapshot)
}

/** An event with a sequence number, for React keys. */
export interface LoggedEvent<E extends CacheEvent = CacheEvent> {
  seq: number
  event: E
  /** How many identical events in a row this line stands for. */
  count: number
}

/** Same kind of event about the same entry: shown once, with a count. */
function sameAs(a: CacheEvent, b: CacheEvent): boolean {
  return (
    a.type === b.type &&
    a.evictionPolicy === b.evictionPolicy &&
    ('keyId' in a ? a.keyId : null) === ('keyId' in b ? b.keyId : null) &&
    (a.type === 'hit' || a.type === 'request' || a.type === 'response')
  )
}

let sequence = 0

/** The session's latest events (newest first) that `filter` keeps, at most `limit`. */
export function useSessionEvents<E extends CacheEvent>(
  session: Session,
  filter: (event: CacheEvent) => event is E,
  limit = 12,
): [LoggedEvent<E>[], () => void] {
  const [events, setEvents] = useState<LoggedEvent<E>[]>([])
  const filterRef = useRef(filter)
  useEffect(() => {
    filterRef.current = filter
  })
  useEffect(
    () =>
      session.subscribe((event) => {
        if (!filterRef.current(event)) return
        setEvents((previous) => {
          const head = previous[0]
          if (head && sameAs(head.event, event)) {
            return [{ ...head, event, count: head.count + 1 }, ...previous.slice(1)]
          }
          return [{ seq: ++sequence, event, count: 1 }, ...previous].slice(0, limit)
        })
      }),
    [session, limit],
  )
  return [events, () => setEvents([])]
}

/** `Date.now()`, refreshed every `intervalMs`. */
export function useNow(intervalMs: number): number {
  const [now, setNow] = useState(Date.now)
  useEffect(() => {
    const timer = setInterval(() => setNow(Date.now()), intervalMs)
    return () => clearInterval(timer)
  }, [intervalMs])
  return now
}

import type { DevtoolsHandle, SessionSnapshot } from 'aws-client-cache'
import { createSnapshotStore, type SnapshotStore } from 'aws-client-cache/react'
import { useCallback, useEffect, useRef, useState, useSyncExternalStore } from 'react'
import { eventLogOf, type LoggedEvent } from './EventLog.js'

export { EVENT_LIMIT, type LoggedEvent } from './EventLog.js'

/** How many hit-rate samples (one a second) the sparkline shows. */
const SAMPLE_LIMIT = 60

export interface DevtoolsData {
  readonly handle: DevtoolsHandle
  readonly snapshot: SessionSnapshot
  /** Oldest first, at most {@link EVENT_LIMIT}. */
  readonly events: readonly LoggedEvent[]
  /** Session hit rate (0–1, or `null` before any lookup), one sample a second. */
  readonly samples: readonly (number | null)[]
  /** `Date.now()`, refreshed every second (relative times, the credentials countdown). */
  readonly now: number
  clearEvents(): void
}

/** What the panel shows of a session at one moment. */
interface PanelState {
  readonly snapshot: SessionSnapshot
  readonly events: readonly LoggedEvent[]
}

const hitRate = (snapshot: SessionSnapshot): number | null => {
  const { hits, misses } = snapshot.stats
  return hits + misses === 0 ? null : hits / (hits + misses)
}

/** At most one read (and one render) per animation frame, however many events arrive. */
const nextFrame = (task: () => void): void => {
  requestAnimationFrame(() => task())
}

const stores = new WeakMap<DevtoolsHandle, SnapshotStore<PanelState>>()

/**
 * One store per handle, over the handle's event log: while a panel listens, the log is retained
 * (one session subscription, shared with a closed `ClientCacheDevtools` that keeps recording) and
 * watched, and the snapshot and the events are re-read together once per frame after changes.
 */
function storeOf(handle: DevtoolsHandle): SnapshotStore<PanelState> {
  let store = stores.get(handle)
  if (store === undefined) {
    const log = eventLogOf(handle)
    store = createSnapshotStore<PanelState>(
      {
        snapshot: () => ({ snapshot: handle.snapshot(), events: log.toArray() }),
        subscribe(onChange) {
          const release = log.retain()
          const unwatch = log.watch(onChange)
          return () => {
            unwatch()
            release()
          }
        },
      },
      nextFrame,
    )
    stores.set(handle, store)
  }
  return store
}

/**
 * The panel's live data, while the panel is mounted (open): the handle's snapshot and event log,
 * re-read at most once per animation frame however many events arrive, and a hit-rate sample and
 * the time every second.
 */
export function useDevtoolsData(handle: DevtoolsHandle): DevtoolsData {
  const store = storeOf(handle)
  const state = useSyncExternalStore(store.subscribe, store.getSnapshot, store.getSnapshot)
  const [ticks, setTicks] = useState(() => ({ now: Date.now(), samples: [] as (number | null)[] }))
  const latest = useRef(state.snapshot)
  latest.current = state.snapshot

  useEffect(() => {
    const timer = setInterval(() => {
      setTicks((previous) => ({
        now: Date.now(),
        samples: [...previous.samples, hitRate(latest.current)].slice(-SAMPLE_LIMIT),
      }))
    }, 1000)
    return () => clearInterval(timer)
  }, [])

  const clearEvents = useCallback(() => eventLogOf(handle).clear(), [handle])

  return {
    handle,
    snapshot: state.snapshot,
    events: state.events,
    samples: [...ticks.samples, hitRate(state.snapshot)],
    now: ticks.now,
    clearEvents,
  }
}

import type { CacheEvent, Session, SessionSnapshot } from 'aws-client-cache'
import { useCallback, useEffect, useRef, useState } from 'react'

/** How many events the timeline keeps per session. */
export const EVENT_LIMIT = 500
/** How many hit-rate samples (one a second) the sparkline shows. */
const SAMPLE_LIMIT = 60

/** An event and its arrival number (a stable React key). */
export interface LoggedEvent {
  readonly seq: number
  readonly event: CacheEvent
}

export interface DevtoolsData {
  readonly session: Session
  readonly snapshot: SessionSnapshot
  /** Oldest first, at most {@link EVENT_LIMIT}. */
  readonly events: readonly LoggedEvent[]
  /** Session hit rate (0–1, or `null` before any lookup), one sample a second. */
  readonly samples: readonly (number | null)[]
  /** `Date.now()`, refreshed every second (relative times, the credentials countdown). */
  readonly now: number
  clearEvents(): void
}

/** Per session, so closing and reopening the panel keeps the timeline seen so far. */
const logs = new WeakMap<Session, LoggedEvent[]>()
let sequence = 0

const hitRate = (snapshot: SessionSnapshot): number | null => {
  const { hits, misses } = snapshot.stats
  return hits + misses === 0 ? null : hits / (hits + misses)
}

/**
 * The panel's live data. It subscribes to the session only while mounted (the panel is open),
 * keeps a ring buffer of events, and re-reads the snapshot at most once per animation frame
 * however many events arrive.
 */
export function useDevtoolsData(session: Session): DevtoolsData {
  const [state, setState] = useState(() => ({
    session,
    snapshot: session.snapshot(),
    events: (logs.get(session) ?? []).slice(),
  }))
  const [ticks, setTicks] = useState(() => ({ now: Date.now(), samples: [] as (number | null)[] }))
  const latest = useRef(state.snapshot)
  latest.current = state.snapshot

  const [refresh, setRefresh] = useState<() => void>(() => () => {})

  useEffect(() => {
    let log = logs.get(session)
    if (log === undefined) logs.set(session, (log = []))
    const events = log
    let frame = 0
    const flush = (): void => {
      frame = 0
      setState({ session, snapshot: session.snapshot(), events: events.slice() })
    }
    const stop = session.subscribe((event) => {
      events.push({ seq: ++sequence, event })
      if (events.length > EVENT_LIMIT) events.splice(0, events.length - EVENT_LIMIT)
      if (frame === 0) frame = requestAnimationFrame(flush)
    })
    flush()
    setRefresh(() => flush)
    return () => {
      stop()
      if (frame !== 0) cancelAnimationFrame(frame)
    }
  }, [session])

  useEffect(() => {
    const timer = setInterval(() => {
      setTicks((previous) => ({
        now: Date.now(),
        samples: [...previous.samples, hitRate(latest.current)].slice(-SAMPLE_LIMIT),
      }))
    }, 1000)
    return () => clearInterval(timer)
  }, [])

  const clearEvents = useCallback(() => {
    logs.get(session)?.splice(0)
    refresh()
  }, [session, refresh])

  // Until the effect has run for a new session, show that session's state, not the old one's.
  const current =
    state.session === session
      ? state
      : { session, snapshot: session.snapshot(), events: (logs.get(session) ?? []).slice() }
  return {
    session,
    snapshot: current.snapshot,
    events: current.events,
    samples: [...ticks.samples, hitRate(current.snapshot)],
    now: ticks.now,
    clearEvents,
  }
}

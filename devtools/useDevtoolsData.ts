import type { Session, SessionSnapshot } from 'aws-client-cache'
import { useCallback, useEffect, useRef, useState } from 'react'
import { eventLogOf, type LoggedEvent } from './EventLog.js'

export { EVENT_LIMIT, type LoggedEvent } from './EventLog.js'

/** How many hit-rate samples (one a second) the sparkline shows. */
const SAMPLE_LIMIT = 60

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

const hitRate = (snapshot: SessionSnapshot): number | null => {
  const { hits, misses } = snapshot.stats
  return hits + misses === 0 ? null : hits / (hits + misses)
}

const read = (session: Session) => ({
  session,
  snapshot: session.snapshot(),
  events: eventLogOf(session).toArray(),
})

/**
 * The panel's live data, while the panel is mounted (open). It retains the session's event log
 * (which a closed `ClientCacheDevtools` already keeps recording), watches it, and re-reads the
 * snapshot and the events at most once per animation frame however many events arrive.
 */
export function useDevtoolsData(session: Session): DevtoolsData {
  const [state, setState] = useState(() => read(session))
  const [ticks, setTicks] = useState(() => ({ now: Date.now(), samples: [] as (number | null)[] }))
  const latest = useRef(state.snapshot)
  latest.current = state.snapshot

  useEffect(() => {
    const log = eventLogOf(session)
    const release = log.retain()
    let frame = 0
    const flush = (): void => {
      frame = 0
      setState(read(session))
    }
    const unwatch = log.watch(() => {
      if (frame === 0) frame = requestAnimationFrame(flush)
    })
    flush()
    return () => {
      unwatch()
      release()
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

  const clearEvents = useCallback(() => eventLogOf(session).clear(), [session])

  // Until the effect has run for a new session, show that session's state, not the old one's.
  const current = state.session === session ? state : read(session)
  return {
    session,
    snapshot: current.snapshot,
    events: current.events,
    samples: [...ticks.samples, hitRate(current.snapshot)],
    now: ticks.now,
    clearEvents,
  }
}

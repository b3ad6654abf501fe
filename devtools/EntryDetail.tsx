import type { EntrySnapshot, EvictEvent, MissEvent } from 'aws-client-cache'
import { useEffect, useId, useMemo, useRef, type ReactNode } from 'react'
import { missCauseLong } from './describeEvent.js'
import { serviceOf } from './EntryRow.js'
import type { LoggedEvent } from './EventLog.js'
import { EventText } from './EventText.js'
import { ago, clock, fullTime } from './format.js'

/** How many of the entry's events the detail view lists. */
const RECENT = 20

/**
 * One entry in full: its whole label, every number, why it was created (the cause of the miss
 * that built it, from the kept timeline) and its recent events. Focus moves to the back button
 * when it opens; Escape or that button goes back to the list (which puts focus on the entry).
 */
export function EntryDetail({
  entry,
  cache,
  cached,
  events,
  now,
  onBack,
}: {
  entry: EntrySnapshot
  /** Its cache: `client · LRU`. */
  cache: string
  /** `false` once the entry has left the cache (the view then shows it as last seen). */
  cached: boolean
  events: readonly LoggedEvent[]
  now: number
  onBack: () => void
}): ReactNode {
  const titleId = useId()
  const back = useRef<HTMLButtonElement>(null)
  useEffect(() => back.current?.focus(), [])

  const mine = useMemo(
    () => events.filter(({ event }) => keyOf(event) === entry.id),
    [events, entry.id],
  )
  // The miss that built it: its key's last miss (a later miss of a cached key would have rebuilt
  // it). Not by time: cache events and session events read the clock differently.
  const miss = findLast(mine, (event): event is MissEvent => event.type === 'miss')
  const eviction = cached
    ? undefined
    : findLast(mine, (event): event is EvictEvent => event.type === 'evict')
  const service = serviceOf(entry.className)
  const recent = mine.slice(-RECENT).reverse()
  const facts: [string, ReactNode][] = [
    ['Class', entry.className],
    ['Service', service ?? '–'],
    ['Region', entry.region ?? 'no region'],
    ['Cache', cache],
    ['Hits', entry.hits],
    ['Frequency', entry.frequency],
    ['Requests', entry.requests],
    ['Errors', entry.errors],
    ['In flight', entry.inFlight],
    ['Created', when(entry.createdAt, now)],
    ['Last used', when(entry.lastUsedAt, now)],
  ]

  return (
    <section
      className="entry-detail"
      aria-labelledby={titleId}
      onKeyDown={(event) => {
        if (event.key !== 'Escape') return
        // Leaves the detail view only, not the whole panel.
        event.stopPropagation()
        onBack()
      }}
    >
      <div className="detail-bar">
        <button ref={back} type="button" onClick={onBack}>
          <span aria-hidden="true">←</span> Back to entries
        </button>
        {!cached && (
          <span className="badge victim" role="status">
            {eviction === undefined ? 'no longer cached' : `evicted: ${eviction.reason}`}
          </span>
        )}
      </div>
      <h2 id={titleId} className="detail-label mono">
        {entry.label}
      </h2>
      <dl className="facts">
        {facts.map(([name, value]) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{value}</dd>
          </div>
        ))}
      </dl>
      <h3>Why it was created</h3>
      <p className="cause">
        {miss?.cause !== undefined
          ? missCauseLong(miss.cause)
          : miss !== undefined
            ? 'A miss (no cause recorded).'
            : 'Its miss is not in the timeline: it was created before the devtools started recording, or is older than the events kept.'}
      </p>
      <h3>Recent events</h3>
      {recent.length === 0 ? (
        <p className="muted">None in the timeline.</p>
      ) : (
        <ol className="recent">
          {recent.map(({ seq, event }) => (
            <li key={seq}>
              <span className="mono muted" title={fullTime(event.at)}>
                {clock(event.at)}
              </span>{' '}
              <span
                className={`t t-${event.type === 'response' && !event.ok ? 'fail' : event.type}`}
              >
                {event.type}
              </span>{' '}
              <EventText event={event} />
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

/** `14:03:09.120 (12s ago)`, the full date as tooltip. */
function when(at: number, now: number): ReactNode {
  return (
    <time title={fullTime(at)}>
      {clock(at)} ({ago(at, now)})
    </time>
  )
}

function keyOf(event: LoggedEvent['event']): string | undefined {
  return 'keyId' in event ? event.keyId : undefined
}

function findLast<T extends LoggedEvent['event']>(
  events: readonly LoggedEvent[],
  match: (event: LoggedEvent['event']) => event is T,
): T | undefined {
  for (let i = events.length - 1; i >= 0; i--) {
    const event = (events[i] as LoggedEvent).event
    if (match(event)) return event
  }
  return undefined
}

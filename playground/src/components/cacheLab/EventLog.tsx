/** The cache lab's events column: the session's totals and its latest client-cache events. */
import type {
  CacheEvent,
  CredentialsEvent,
  RequestEvent,
  ResponseEvent,
  SessionSnapshot,
} from 'aws-client-cache'
import type { LoggedEvent } from '../../hooks.js'
import { describeEvent } from '../labText.js'

/** The events the log shows: the client cache's, without requests, responses and credentials. */
export type LabEvent = Exclude<CacheEvent, RequestEvent | ResponseEvent | CredentialsEvent>

export const isLabEvent = (event: CacheEvent): event is LabEvent =>
  event.type !== 'request' &&
  event.type !== 'response' &&
  event.type !== 'credentials' &&
  event.cacheType === 'client'

/** The session's totals, and `events` newest first; "Clear log" calls `onClear`. */
export function EventLog({
  events,
  stats,
  onClear,
}: {
  events: LoggedEvent<LabEvent>[]
  stats: SessionSnapshot['stats']
  onClear: () => void
}) {
  return (
    <section className="lab-events" aria-labelledby="lab-events-title">
      <header className="cache-header">
        <h3 id="lab-events-title">Events</h3>
        <button type="button" className="button ghost small" onClick={onClear}>
          Clear log
        </button>
      </header>
      <dl className="stat-strip" data-testid="session-stats">
        {(['hits', 'misses', 'creates', 'evictions', 'disposals'] as const).map((name) => (
          <div key={name}>
            <dt>{name}</dt>
            <dd>{stats[name]}</dd>
          </div>
        ))}
      </dl>
      <ol className="event-log" aria-label="Cache events, newest first" data-testid="lab-events">
        {events.length === 0 && <li className="muted">No events yet.</li>}
        {events.map(({ seq, event, count }) => (
          <li key={seq}>
            <span className={`tag tag-${event.type}`}>{event.type}</span>
            {event.evictionPolicy && <span className="muted">{event.evictionPolicy}</span>}
            <span
              className="mono ellipsis"
              title={'label' in event ? event.label : describeEvent(event)}
            >
              {describeEvent(event)}
            </span>
            {count > 1 && <span className="count">×{count}</span>}
          </li>
        ))}
      </ol>
    </section>
  )
}

import type { CacheEvent, MissCause } from 'aws-client-cache'
import { useMemo, useState, type ReactNode } from 'react'
import { clock, fullTime } from './format.js'
import type { LoggedEvent } from './useDevtoolsData.js'
import { VirtualList } from './VirtualList.js'

const TYPES = [
  'hit',
  'miss',
  'create',
  'evict',
  'dispose',
  'resize',
  'clear',
  'request',
  'response',
  'credentials',
  'warning',
] as const satisfies readonly CacheEvent['type'][]

type EventType = (typeof TYPES)[number]

/** The event timeline: newest first, filtered by type, exportable as JSON. */
export function Timeline({
  sessionId,
  events,
  onClear,
}: {
  sessionId: string
  events: readonly LoggedEvent[]
  onClear: () => void
}): ReactNode {
  const [hidden, setHidden] = useState<ReadonlySet<EventType>>(() => new Set())
  const counts = useMemo(() => {
    const byType = new Map<EventType, number>()
    for (const { event } of events) byType.set(event.type, (byType.get(event.type) ?? 0) + 1)
    return byType
  }, [events])
  const shown = useMemo(
    () => events.filter(({ event }) => !hidden.has(event.type)).reverse(),
    [events, hidden],
  )

  const toggle = (type: EventType) =>
    setHidden((previous) => {
      const next = new Set(previous)
      if (!next.delete(type)) next.add(type)
      return next
    })

  return (
    <div className="body">
      <div className="toolbar" style={{ paddingTop: 8 }}>
        <div className="chips grow" role="group" aria-label="Show event types">
          {TYPES.map((type) => (
            <button
              key={type}
              type="button"
              aria-pressed={!hidden.has(type)}
              onClick={() => toggle(type)}
            >
              {type} <span className="mono">{counts.get(type) ?? 0}</span>
            </button>
          ))}
        </div>
        <button type="button" onClick={() => exportJson(sessionId, shown)}>
          Export JSON
        </button>
        <button type="button" className="danger" onClick={onClear} disabled={events.length === 0}>
          Clear timeline
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="empty">
          {events.length === 0 ? 'No events yet.' : 'No events of the selected types.'}
        </p>
      ) : (
        <VirtualList
          count={shown.length}
          rowHeight={26}
          label="Events, newest first"
          renderRow={(index) => {
            const { seq, event } = shown[index] as LoggedEvent
            return (
              <div
                key={seq}
                className="event"
                role="listitem"
                aria-posinset={index + 1}
                aria-setsize={shown.length}
              >
                <span className="mono muted" title={fullTime(event.at)}>
                  {clock(event.at)}
                </span>
                <span
                  className={`t t-${event.type === 'response' && !event.ok ? 'fail' : event.type}`}
                >
                  {event.type}
                </span>
                <span className="muted">
                  {event.cacheType === null
                    ? 'session'
                    : `${event.cacheType} · ${event.evictionPolicy}`}
                </span>
                <span title={describe(event)}>
                  {'label' in event && <span className="mono">{event.label} </span>}
                  <span className="detail">{detail(event)}</span>
                </span>
              </div>
            )
          }}
        />
      )}
    </div>
  )
}

/** The type-specific part of an event, in words. */
function detail(event: CacheEvent): string {
  switch (event.type) {
    case 'miss':
      return event.cause === undefined ? '' : missCause(event.cause)
    case 'warning':
      return `${event.code}: ${event.className} config.${event.path}, ${event.count} misses`
    case 'evict':
      return `reason: ${event.reason}`
    case 'resize':
      return `maxSize ${event.previousMaxSize} → ${event.maxSize}`
    case 'clear':
      return `${event.count} ${event.count === 1 ? 'entry' : 'entries'} removed`
    case 'request':
      return event.commandName
    case 'response':
      return `${event.commandName} ${event.ok ? 'ok' : 'failed'} in ${event.duration} ms`
    case 'credentials':
      return `${CREDENTIALS_REASON[event.reason]}, expires ${event.expiration ?? 'never'}`
    default:
      return ''
  }
}

/** Why a miss happened, in words. */
function missCause(cause: MissCause): string {
  switch (cause.kind) {
    case 'new':
      return 'new'
    case 'evicted':
      return `was evicted (${cause.reason})`
    case 'differs':
      return `differs from ${cause.nearest.label} in ${cause.paths.join(', ') || 'nothing top-level'}`
  }
}

function describe(event: CacheEvent): string {
  return 'label' in event ? `${event.label} ${detail(event)}`.trim() : detail(event)
}

/**
 * Downloads the shown events, oldest first, as a JSON file. Events carry only secret-free data
 * (labels and ids are masked by the core).
 */
function exportJson(sessionId: string, events: readonly LoggedEvent[]): void {
  const json = JSON.stringify(
    {
      exportedAt: new Date().toISOString(),
      session: sessionId,
      events: events.map(({ event }) => event).reverse(),
    },
    null,
    2,
  )
  const url = URL.createObjectURL(new Blob([json], { type: 'application/json' }))
  const link = document.createElement('a')
  link.href = url
  link.download = `aws-client-cache-events-${sessionId}.json`
  link.click()
  setTimeout(() => URL.revokeObjectURL(url), 0)
}

/** How the timeline words each reason of a `credentials` event. */
const CREDENTIALS_REASON = {
  initial: 'resolved',
  refresh: 'refreshed',
  switch: 'switched identity',
  invalidate: 'resolved after invalidate',
  'auth-error': 'resolved after an auth error',
} as const

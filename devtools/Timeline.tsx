import type { CacheEvent } from 'aws-client-cache'
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { EventText } from './EventText.js'
import { clock, fullTime } from './format.js'
import type { LoggedEvent } from './useDevtoolsData.js'
import { useNarrow } from './useNarrow.js'
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

/**
 * The event timeline: newest first, filtered by type, exportable as JSON. A row puts what is
 * particular to its event (a miss's cause, an eviction's reason, a warning) before the label.
 */
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
  const root = useRef<HTMLDivElement>(null)
  // A narrow panel gives each event two lines: time, type and cache, then the text, full width.
  const narrow = useNarrow(root)
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
    <div className={narrow ? 'body narrow' : 'body'} ref={root}>
      <div className="toolbar timeline-toolbar">
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
        <button
          type="button"
          className="icon"
          aria-label="Export JSON"
          data-tip="Export the shown events as JSON"
          onClick={() => exportJson(sessionId, shown)}
        >
          <span aria-hidden="true">⤓</span>
          <span className="text"> Export JSON</span>
        </button>
        {/* aria-disabled, not disabled: a disabled button would drop the focus to <body>. */}
        <button
          type="button"
          className="danger icon"
          aria-label="Clear timeline"
          data-tip="Clear timeline"
          aria-disabled={events.length === 0}
          onClick={() => {
            if (events.length > 0) onClear()
          }}
        >
          <span aria-hidden="true">⌫</span>
          <span className="text"> Clear timeline</span>
        </button>
      </div>
      {shown.length === 0 ? (
        <p className="empty">
          {events.length === 0 ? 'No events yet.' : 'No events of the selected types.'}
        </p>
      ) : (
        <VirtualList
          count={shown.length}
          rowHeight={narrow ? 40 : 26}
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
                <EventText event={event} />
              </div>
            )
          }}
        />
      )}
    </div>
  )
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

import type { CacheEvent } from 'aws-client-cache'
import type { ReactNode } from 'react'
import { describeEvent, eventDetail } from './describeEvent.js'

/**
 * What an event says, in one line: what is particular to it first (a miss's cause, an eviction's
 * reason, a warning), then its entry's label. The whole of it is the tooltip.
 */
export function EventText({ event }: { event: CacheEvent }): ReactNode {
  const detail = eventDetail(event)
  return (
    <span title={describeEvent(event)}>
      {detail !== '' && <span className={`detail d-${event.type}`}>{detail}</span>}
      {detail !== '' && 'label' in event && ' '}
      {'label' in event && <span className="mono muted">{event.label}</span>}
    </span>
  )
}

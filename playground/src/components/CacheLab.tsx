/**
 * Calls `session.client()` with the configs and cache options you pick, and shows both client
 * caches (in eviction order, next victim first), why each call missed, the session's
 * `UNSTABLE_CONFIG` warnings and the events as they happen.
 *
 * Nothing here re-renders on a timer: the caches re-render when the session's snapshot changes
 * (after events, at most once a frame), and only their "used … ago" texts follow the clock.
 *
 * The pieces live in `cacheLab/`: the state and actions ({@link useCacheLab}), the form
 * ({@link LabControls}), "Your calls" ({@link CallLog}) and the events ({@link EventLog}); each
 * cache is a {@link CacheColumn}, whose list scrolls a window of rows.
 */
import { session } from '../aws.js'
import { useSessionEvents, useSessionSnapshot } from '../hooks.js'
import { CacheColumn } from './CacheColumn.js'
import { CallLog } from './cacheLab/CallLog.js'
import { EventLog, isLabEvent } from './cacheLab/EventLog.js'
import { LabControls } from './cacheLab/LabControls.js'
import { TickMarker } from './cacheLab/TickMarker.js'
import { useCacheLab } from './cacheLab/useCacheLab.js'
import { Code, ErrorMessage, Panel } from './ui.js'
import { UnstableConfigWarnings } from './UnstableConfigWarnings.js'

export { shortLabel } from './labText.js'

export function CacheLab() {
  const snapshot = useSessionSnapshot(session)
  const [events, clearEvents] = useSessionEvents(session, isLabEvent, 12)
  const lab = useCacheLab()
  const cache = snapshot.caches.client
  const { policy } = lab.settings

  return (
    <Panel
      id="lab"
      title="Cache lab"
      className="span-3"
      subtitle={
        <>
          Each distinct class + config is one entry. Pick a policy and size, call clients, and watch
          entries appear, get reused and get evicted. Labels leave out what every entry shares (
          <Code>credentials</Code>, <Code>endpoint</Code>, <Code>forcePathStyle</Code>,{' '}
          <Code>requestHandler</Code>) and fold nested objects to <Code>{'{…}'}</Code>; hover for
          the full key.
        </>
      }
    >
      <TickMarker />
      <ErrorMessage error={lab.error} onDismiss={lab.dismissError} testId="lab-error" />
      <div className="lab-grid">
        <LabControls lab={lab} />

        <div className="lab-main">
          <UnstableConfigWarnings session={session} warnings={snapshot.warnings} />
          <div className="caches">
            <CacheColumn cache={cache.LRU} active={policy === 'LRU'} />
            <CacheColumn cache={cache.LFU} active={policy === 'LFU'} />
          </div>
          <CallLog calls={lab.calls} />
        </div>

        <EventLog events={events} stats={snapshot.stats} onClear={clearEvents} />
      </div>
    </Panel>
  )
}

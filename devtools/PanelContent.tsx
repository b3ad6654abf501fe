import type { Session } from 'aws-client-cache'
import { useId, useState, type ReactNode } from 'react'
import { CachesSection } from './CachesSection.js'
import { SessionHeader, type Theme } from './SessionHeader.js'
import { Timeline } from './Timeline.js'
import { useDevtoolsData } from './useDevtoolsData.js'

/** The panel itself (inside a shadow root): header, then the caches or the timeline. */
export function PanelContent({
  session,
  theme,
  onTheme,
  onClose,
}: {
  session: Session
  theme: Theme
  onTheme: (theme: Theme) => void
  onClose?: () => void
}): ReactNode {
  const data = useDevtoolsData(session)
  const [view, setView] = useState<'caches' | 'timeline'>('caches')
  const id = useId()

  return (
    <section className="panel" aria-label="aws-client-cache devtools">
      <SessionHeader
        snapshot={data.snapshot}
        samples={data.samples}
        now={data.now}
        theme={theme}
        onTheme={onTheme}
        onClose={onClose}
      />
      <div className="tabs" role="tablist" aria-label="Views">
        {(['caches', 'timeline'] as const).map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={view === name}
            aria-controls={`${id}-view`}
            onClick={() => setView(name)}
          >
            {name === 'caches' ? 'Caches' : `Timeline (${data.events.length})`}
          </button>
        ))}
      </div>
      <div className="body" role="tabpanel" id={`${id}-view`} aria-labelledby={`${id}-${view}`}>
        {view === 'caches' ? (
          <CachesSection session={session} snapshot={data.snapshot} now={data.now} />
        ) : (
          <Timeline sessionId={data.snapshot.id} events={data.events} onClear={data.clearEvents} />
        )}
      </div>
    </section>
  )
}

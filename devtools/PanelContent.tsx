import type { Session } from 'aws-client-cache'
import { useEffect, useId, useState, type ReactNode } from 'react'
import { CachesSection } from './CachesSection.js'
import { SessionHeader, type Theme } from './SessionHeader.js'
import { SessionPicker } from './SessionPicker.js'
import { sessionOption } from './sessionOptions.js'
import { onTabListKey } from './tabKeys.js'
import { Timeline } from './Timeline.js'
import { useDevtoolsData } from './useDevtoolsData.js'
import { useSessionList } from './useSessionList.js'
import { WarningsList } from './WarningsList.js'

const VIEWS = ['caches', 'timeline'] as const

/**
 * The panel itself (inside a shadow root): header (with the session picker when `onPickSession`
 * is given), the warnings when shown, then the caches or the timeline.
 */
export function PanelContent({
  session,
  onPickSession,
  theme,
  onTheme,
  onClose,
}: {
  session: Session
  onPickSession?: ((session: Session | undefined) => void) | undefined
  theme: Theme
  onTheme: (theme: Theme) => void
  onClose?: () => void
}): ReactNode {
  const data = useDevtoolsData(session)
  const [view, setView] = useState<(typeof VIEWS)[number]>('caches')
  const [warningsShown, setWarningsShown] = useState(false)
  const [sessions, refreshSessions] = useSessionList(onPickSession !== undefined)
  const id = useId()
  const current = sessionOption(session)
  const live = sessions.some((option) => option.id === current.id)

  useEffect(() => {
    // The picked session was disposed or collected: back to the default one.
    if (onPickSession !== undefined && sessions.length > 0 && !live) onPickSession(undefined)
  }, [onPickSession, sessions, live])

  const selected = VIEWS.indexOf(view)
  return (
    <section className="panel" aria-label="aws-client-cache devtools">
      <SessionHeader
        snapshot={data.snapshot}
        samples={data.samples}
        now={data.now}
        theme={theme}
        onTheme={onTheme}
        onClose={onClose}
        warningsId={`${id}-warnings`}
        warningsShown={warningsShown}
        onWarnings={setWarningsShown}
        picker={
          onPickSession === undefined ? undefined : (
            <SessionPicker
              current={current}
              options={live ? sessions : [current, ...sessions]}
              onPick={onPickSession}
              onFocus={refreshSessions}
            />
          )
        }
      />
      {warningsShown && data.snapshot.warnings.length > 0 && (
        <WarningsList
          id={`${id}-warnings`}
          warnings={data.snapshot.warnings}
          onClose={() => setWarningsShown(false)}
        />
      )}
      <div
        className="tabs"
        role="tablist"
        aria-label="Views"
        onKeyDown={(event) =>
          onTabListKey(event, selected, VIEWS.length, (index) => setView(VIEWS[index] ?? 'caches'))
        }
      >
        {VIEWS.map((name) => (
          <button
            key={name}
            type="button"
            role="tab"
            id={`${id}-${name}`}
            aria-selected={view === name}
            aria-controls={`${id}-view`}
            tabIndex={view === name ? 0 : -1}
            onClick={() => setView(name)}
          >
            {name === 'caches' ? 'Caches' : `Timeline (${data.events.length})`}
          </button>
        ))}
      </div>
      <div className="body" role="tabpanel" id={`${id}-view`} aria-labelledby={`${id}-${view}`}>
        {view === 'caches' ? (
          <CachesSection
            session={session}
            snapshot={data.snapshot}
            events={data.events}
            now={data.now}
          />
        ) : (
          <Timeline sessionId={data.snapshot.id} events={data.events} onClear={data.clearEvents} />
        )}
      </div>
    </section>
  )
}

import type { DevtoolsHandle } from 'aws-client-cache'
import { useId, useState, type ReactNode } from 'react'
import { CachesSection } from './CachesSection.js'
import { SessionHeader, type Theme } from './SessionHeader.js'
import { onTabListKey } from './tabKeys.js'
import { Timeline } from './Timeline.js'
import { useDevtoolsData } from './useDevtoolsData.js'
import { WarningsList } from './WarningsList.js'

const VIEWS = ['caches', 'timeline'] as const

/**
 * The panel itself (inside a shadow root), over one session's handle: header (with `picker` in
 * place of the session id when given), the warnings when shown, then the caches or the timeline.
 * The in-app panel (`SessionPanelContent`) and the extension's (`HandlePanel`) both render it.
 */
export function PanelContent({
  handle,
  picker,
  theme,
  onTheme,
  onClose,
}: {
  handle: DevtoolsHandle
  picker?: ReactNode
  theme: Theme
  onTheme: (theme: Theme) => void
  onClose?: (() => void) | undefined
}): ReactNode {
  const data = useDevtoolsData(handle)
  const [view, setView] = useState<(typeof VIEWS)[number]>('caches')
  const [warningsShown, setWarningsShown] = useState(false)
  const id = useId()

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
        picker={picker}
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
            handle={handle}
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

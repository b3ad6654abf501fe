import type { DevtoolsHandle } from 'aws-client-cache'
import { useEffect, useRef, useState, type ReactNode } from 'react'
import { eventLogOf } from './EventLog.js'
import { PanelContent } from './PanelContent.js'
import { ShadowHost } from './ShadowHost.js'
import { SessionPicker } from './SessionPicker.js'
import { useTheme } from './useTheme.js'

/** A session the {@link HandlePanel} can show: one handle, named for the picker. */
export interface DevtoolsTarget {
  /** Unique among the targets, and stable while the target lives (the picker's value). */
  key: string
  /** What the picker shows, e.g. `http://localhost:5173 · top frame · s1`. */
  label: string
  handle: DevtoolsHandle
}

/** Props of {@link HandlePanel}. */
export interface HandlePanelProps {
  /** The sessions to offer, in picker order; the first is shown until another is picked. */
  targets: readonly DevtoolsTarget[]
  /** What to say when there is no target. */
  emptyMessage?: string
}

const EMPTY_MESSAGE =
  'No aws-client-cache session here yet. Sessions appear as the page creates them, in development builds.'

/**
 * The devtools panel over {@link DevtoolsHandle}s, full page: what the browser DevTools extension
 * mounts, with one target per session of the inspected page (every frame). The same content as
 * `ClientCacheDevtoolsPanel` (picker, caches, timeline, entry detail, warnings), with a picker
 * over `targets` and no docking. When the shown target goes (a navigation, a disposal), the panel
 * shows the first one left.
 *
 * From mount, it records every target's events (the timeline keeps what happened while another
 * target was shown); evictions, clears and resizes go through the shown target's handle.
 *
 * @example
 * ```tsx
 * import { createRoot } from 'react-dom/client'
 * import { HandlePanel } from '../devtools/HandlePanel.js'
 *
 * createRoot(document.getElementById('root')!).render(
 *   <HandlePanel targets={[{ key: 'tab1/0/s1', label: 'http://localhost:5173 · top frame · s1', handle }]} />,
 * )
 * ```
 */
export function HandlePanel({
  targets,
  emptyMessage = EMPTY_MESSAGE,
}: HandlePanelProps): ReactNode {
  const [picked, setPicked] = useState<string>()
  const [theme, setTheme] = useTheme(undefined)
  const current = targets.find((target) => target.key === picked) ?? targets[0]

  // Every target's log records from mount (or from the target's arrival) until the target goes.
  const retained = useRef(new Map<DevtoolsHandle, () => void>())
  useEffect(() => {
    const held = retained.current
    const live = new Set(targets.map((target) => target.handle))
    for (const [handle, release] of held) {
      if (!live.has(handle)) {
        release()
        held.delete(handle)
      }
    }
    for (const handle of live) if (!held.has(handle)) held.set(handle, eventLogOf(handle).retain())
  }, [targets])
  useEffect(() => {
    const held = retained.current
    return () => {
      for (const release of held.values()) release()
      held.clear()
    }
  }, [])

  return (
    <ShadowHost mode="page" styleNonce={undefined}>
      <div className="root fill" data-theme={theme}>
        {current === undefined ? (
          <p className="empty page-empty" role="status">
            {emptyMessage}
          </p>
        ) : (
          <PanelContent
            handle={current.handle}
            theme={theme}
            onTheme={setTheme}
            picker={
              <SessionPicker
                current={current.key}
                options={targets.map(({ key, label }) => ({ id: key, label }))}
                onPick={setPicked}
              />
            }
          />
        )}
      </div>
    </ShadowHost>
  )
}

import type { Session } from 'aws-client-cache'
import {
  useEffect,
  useId,
  useRef,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react'
import { eventLogOf } from './EventLog.js'
import type { Theme } from './SessionHeader.js'
import { SessionPanelContent } from './SessionPanelContent.js'
import { handleOf } from './sessionHandle.js'
import { ShadowHost } from './ShadowHost.js'
import { isBoolean, isNumber } from './storage.js'
import { usePageSpace } from './usePageSpace.js'
import { useSessionChoice } from './useSessionChoice.js'
import { useSetting } from './useSetting.js'
import { useTheme } from './useTheme.js'
import { useViewportSize } from './useViewportSize.js'

/** Where the panel docks. */
export type DevtoolsPosition = 'top' | 'bottom' | 'left' | 'right'
/** Where the toggle button floats. */
export type DevtoolsButtonPosition = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'

/** Props of {@link ClientCacheDevtools}. */
export interface ClientCacheDevtoolsProps {
  /**
   * The session to show. Without it, the panel shows the nearest `SessionProvider`'s session, else
   * the default session, and offers a picker of every live session (`listSessions()`).
   */
  session?: Session
  /** Open on first load (later loads remember the last open state). Default `false`. */
  initialIsOpen?: boolean
  /** The edge the panel docks to. Default `'bottom'`. */
  position?: DevtoolsPosition
  /** The corner of the toggle button. Default `'bottom-right'`. */
  buttonPosition?: DevtoolsButtonPosition
  /** `'system'` (default), `'light'` or `'dark'`; a theme picked in the panel wins, and is remembered. */
  theme?: Theme
  /** A CSP nonce for the panel's one `<style>` element (inside its shadow root). */
  styleNonce?: string
}

const MIN_SIZE = 160
const KEY_STEP = 20
const PAGE_STEP = 100
/** What the panel leaves of the window, at most. */
const MARGIN = 40

/**
 * A floating toggle button and, when open, the devtools panel docked at one edge of the window.
 *
 * - The panel resizes by dragging its inner edge or with the arrow keys on it; open state and
 *   size are remembered in `localStorage`.
 * - While open, `document.body` gets extra padding on the docked edge, equal to the panel's size
 *   (restored on close and unmount), so the page can scroll its content clear of the panel.
 * - From mount, open or closed, it keeps the shown session's last 500 events (a ring buffer;
 *   while closed, recording an event causes no render), so the timeline shows what happened
 *   before the panel was opened.
 * - Rendering reads no `window`, `document` or `localStorage` (they are read in effects), so it
 *   renders on the server, and hydrates without a mismatch.
 *
 * @example
 * ```tsx
 * import { ClientCacheDevtools } from 'aws-client-cache/devtools'
 *
 * <SessionProvider session={session}>
 *   <App />
 *   <ClientCacheDevtools position="bottom" />
 * </SessionProvider>
 * ```
 */
export function ClientCacheDevtools({
  session: sessionProp,
  initialIsOpen = false,
  position = 'bottom',
  buttonPosition = 'bottom-right',
  theme,
  styleNonce,
}: ClientCacheDevtoolsProps): ReactNode {
  const { session, pick } = useSessionChoice(sessionProp)
  const [currentTheme, setTheme] = useTheme(theme)
  const [open, storeOpen] = useSetting('open', isBoolean, initialIsOpen)
  const vertical = position === 'top' || position === 'bottom'
  const [size, storeSize] = useSetting(
    vertical ? 'height' : 'width',
    isNumber,
    vertical ? 360 : 520,
  )
  const viewport = useViewportSize(open)
  const panelId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  const dock = useRef<HTMLElement>(null)
  /** Moves focus after a user opens or closes the panel (not on a remembered open at load). */
  const focusAfter = useRef<'panel' | 'toggle' | undefined>(undefined)

  // Records the shown session's events from mount, closed too (no render per event).
  useEffect(() => eventLogOf(handleOf(session)).retain(), [session])

  const setOpen = (next: boolean) => {
    focusAfter.current = next ? 'panel' : 'toggle'
    storeOpen(next)
  }

  useEffect(() => {
    const target = focusAfter.current
    focusAfter.current = undefined
    if (target === 'toggle') toggle.current?.focus()
    if (target === 'panel') dock.current?.querySelector<HTMLElement>('[role=separator]')?.focus()
  }, [open])

  /** The largest size the window allows; unknown until measured (never during rendering). */
  const limit =
    viewport === null
      ? Number.POSITIVE_INFINITY
      : Math.max(MIN_SIZE, (vertical ? viewport.height : viewport.width) - MARGIN)
  const shown = Math.min(size, limit)
  usePageSpace(open ? position : null, shown)

  const setSize = (next: number) => {
    storeSize(Math.round(Math.min(limit, Math.max(MIN_SIZE, next))))
  }

  const dragging = useRef(false)
  const onPointerDown = (event: PointerEvent<HTMLElement>) => {
    if (event.button !== 0) return
    event.preventDefault()
    dragging.current = true
    try {
      // Keeps the drag going when the pointer leaves the thin handle.
      event.currentTarget.setPointerCapture(event.pointerId)
    } catch {
      // No such active pointer (a synthetic event): the handle's own moves still resize.
    }
  }
  const endDrag = () => {
    dragging.current = false
  }
  const onPointerMove = (event: PointerEvent<HTMLElement>) => {
    if (!dragging.current) return
    const { clientX: x, clientY: y } = event
    setSize(
      position === 'bottom'
        ? window.innerHeight - y
        : position === 'top'
          ? y
          : position === 'left'
            ? x
            : window.innerWidth - x,
    )
  }
  const onResizeKey = (event: KeyboardEvent<HTMLElement>) => {
    // The arrow pointing into the page grows the panel.
    const grow = { bottom: 'ArrowUp', top: 'ArrowDown', left: 'ArrowRight', right: 'ArrowLeft' }
    const shrink = { bottom: 'ArrowDown', top: 'ArrowUp', left: 'ArrowLeft', right: 'ArrowRight' }
    const step = event.shiftKey ? PAGE_STEP : KEY_STEP
    if (event.key === grow[position]) setSize(shown + step)
    else if (event.key === shrink[position]) setSize(shown - step)
    else if (event.key === 'Home') setSize(MIN_SIZE)
    else if (event.key === 'End') setSize(limit)
    else return
    event.preventDefault()
  }

  return (
    <ShadowHost mode="floating" styleNonce={styleNonce}>
      <div className="root" data-theme={currentTheme}>
        {open ? (
          <aside
            ref={dock}
            id={panelId}
            className={`dock dock-${position}`}
            style={vertical ? { height: shown } : { width: shown }}
            onKeyDown={(event) => {
              if (event.key === 'Escape') setOpen(false)
            }}
          >
            <div
              className="resizer"
              role="separator"
              tabIndex={0}
              aria-label="Resize devtools"
              aria-orientation={vertical ? 'horizontal' : 'vertical'}
              aria-valuemin={MIN_SIZE}
              aria-valuemax={Number.isFinite(limit) ? limit : shown}
              aria-valuenow={shown}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={endDrag}
              onPointerCancel={endDrag}
              onLostPointerCapture={endDrag}
              onKeyDown={onResizeKey}
            />
            <SessionPanelContent
              session={session}
              onPickSession={pick}
              theme={currentTheme}
              onTheme={setTheme}
              onClose={() => setOpen(false)}
            />
          </aside>
        ) : (
          <button
            ref={toggle}
            type="button"
            className={`toggle ${buttonPosition}`}
            aria-label="Open aws-client-cache devtools"
            aria-expanded={false}
            onClick={() => setOpen(true)}
          >
            <span className="logo" aria-hidden="true" />
            Cache devtools
          </button>
        )}
      </div>
    </ShadowHost>
  )
}

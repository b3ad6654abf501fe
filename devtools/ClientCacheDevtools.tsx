import type { Session } from 'aws-client-cache'
import { useSession } from 'aws-client-cache/react'
import {
  useEffect,
  useId,
  useRef,
  useState,
  type KeyboardEvent,
  type PointerEvent,
  type ReactNode,
} from 'react'
import { PanelContent } from './PanelContent.js'
import type { Theme } from './SessionHeader.js'
import { ShadowHost } from './ShadowHost.js'
import { isBoolean, isNumber, readSetting, writeSetting } from './storage.js'
import { useTheme } from './useTheme.js'

/** Where the panel docks. */
export type DevtoolsPosition = 'top' | 'bottom' | 'left' | 'right'
/** Where the toggle button floats. */
export type DevtoolsButtonPosition = 'top-left' | 'top-right' | 'bottom-left' | 'bottom-right'

/** Props of {@link ClientCacheDevtools}. */
export interface ClientCacheDevtoolsProps {
  /** The session to show; by default the nearest `SessionProvider`'s, else the default session. */
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

/**
 * A floating toggle button and, when open, the devtools panel docked at one edge of the window.
 * The panel resizes by dragging its inner edge or with the arrow keys on it; open state and size
 * are remembered in `localStorage`. It subscribes to the session only while open.
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
  session,
  initialIsOpen = false,
  position = 'bottom',
  buttonPosition = 'bottom-right',
  theme,
  styleNonce,
}: ClientCacheDevtoolsProps): ReactNode {
  const contextSession = useSession()
  const [currentTheme, setTheme] = useTheme(theme)
  const [open, setOpenState] = useState(() => readSetting('open', isBoolean) ?? initialIsOpen)
  const vertical = position === 'top' || position === 'bottom'
  const sizeSetting = vertical ? 'height' : 'width'
  const [size, setSizeState] = useState(
    () => readSetting(sizeSetting, isNumber) ?? (vertical ? 360 : 520),
  )
  const panelId = useId()
  const toggle = useRef<HTMLButtonElement>(null)
  const dock = useRef<HTMLElement>(null)
  /** Moves focus after a user opens or closes the panel (not on a remembered open at load). */
  const focusAfter = useRef<'panel' | 'toggle' | undefined>(undefined)

  const setOpen = (next: boolean) => {
    focusAfter.current = next ? 'panel' : 'toggle'
    setOpenState(next)
    writeSetting('open', next)
  }

  useEffect(() => {
    const target = focusAfter.current
    focusAfter.current = undefined
    if (target === 'toggle') toggle.current?.focus()
    if (target === 'panel') dock.current?.querySelector<HTMLElement>('[role=separator]')?.focus()
  }, [open])

  const maxSize = () => Math.max(MIN_SIZE, (vertical ? window.innerHeight : window.innerWidth) - 40)
  const setSize = (next: number) => {
    const clamped = Math.round(Math.min(maxSize(), Math.max(MIN_SIZE, next)))
    setSizeState(clamped)
    writeSetting(sizeSetting, clamped)
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
    if (event.key === grow[position]) setSize(size + step)
    else if (event.key === shrink[position]) setSize(size - step)
    else if (event.key === 'Home') setSize(MIN_SIZE)
    else if (event.key === 'End') setSize(maxSize())
    else return
    event.preventDefault()
  }

  const shown = open ? Math.min(size, maxSize()) : size
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
              aria-valuemax={maxSize()}
              aria-valuenow={shown}
              onPointerDown={onPointerDown}
              onPointerMove={onPointerMove}
              onPointerUp={endDrag}
              onPointerCancel={endDrag}
              onLostPointerCapture={endDrag}
              onKeyDown={onResizeKey}
            />
            <PanelContent
              session={session ?? contextSession}
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

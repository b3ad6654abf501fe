import type { Session } from 'aws-client-cache'
import type { ReactNode } from 'react'
import type { Theme } from './SessionHeader.js'
import { SessionPanelContent } from './SessionPanelContent.js'
import { ShadowHost } from './ShadowHost.js'
import { useSessionChoice } from './useSessionChoice.js'
import { useTheme } from './useTheme.js'

/** Props of {@link ClientCacheDevtoolsPanel}. */
export interface ClientCacheDevtoolsPanelProps {
  /**
   * The session to show. Without it, the panel shows the nearest `SessionProvider`'s session, else
   * the default session, and offers a picker of every live session (`listSessions()`).
   */
  session?: Session
  /** `'system'` (default: follows `prefers-color-scheme`), `'light'` or `'dark'`; a theme picked with the panel's button wins, and is remembered. */
  theme?: Theme
  /** A CSP nonce for the panel's one `<style>` element (inside its shadow root). */
  styleNonce?: string
}

/**
 * The devtools panel, to embed anywhere: it fills its container (give that a height). It
 * subscribes to the session while mounted, and renders in a shadow root, so the page's CSS and
 * the panel's never meet.
 *
 * @example
 * ```tsx
 * import { ClientCacheDevtoolsPanel } from 'aws-client-cache/devtools'
 *
 * <div style={{ height: 480 }}>
 *   <ClientCacheDevtoolsPanel session={session} />
 * </div>
 * ```
 */
export function ClientCacheDevtoolsPanel({
  session: sessionProp,
  theme,
  styleNonce,
}: ClientCacheDevtoolsPanelProps): ReactNode {
  const { session, pick } = useSessionChoice(sessionProp)
  const [currentTheme, setTheme] = useTheme(theme)
  return (
    <ShadowHost mode="embedded" styleNonce={styleNonce}>
      <div className="root fill" data-theme={currentTheme}>
        <SessionPanelContent
          session={session}
          onPickSession={pick}
          theme={currentTheme}
          onTheme={setTheme}
        />
      </div>
    </ShadowHost>
  )
}

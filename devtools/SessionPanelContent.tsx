import type { Session } from 'aws-client-cache'
import { useEffect, type ReactNode } from 'react'
import { PanelContent } from './PanelContent.js'
import type { Theme } from './SessionHeader.js'
import { handleOf } from './sessionHandle.js'
import { SessionPicker } from './SessionPicker.js'
import { findLiveSession, sessionOption } from './sessionOptions.js'
import { useSessionList } from './useSessionList.js'

/**
 * The in-app panel's content: {@link PanelContent} over the session's handle, with a picker of
 * every live session of this realm when `onPickSession` is given.
 */
export function SessionPanelContent({
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
  const [sessions, refreshSessions] = useSessionList(onPickSession !== undefined)
  const current = sessionOption(session)
  const live = sessions.some((option) => option.id === current.id)

  useEffect(() => {
    // The picked session was disposed or collected: back to the default one.
    if (onPickSession !== undefined && sessions.length > 0 && !live) onPickSession(undefined)
  }, [onPickSession, sessions, live])

  return (
    <PanelContent
      handle={handleOf(session)}
      theme={theme}
      onTheme={onTheme}
      onClose={onClose}
      picker={
        onPickSession === undefined ? undefined : (
          <SessionPicker
            current={current.id}
            options={live ? sessions : [current, ...sessions]}
            onPick={(id) => onPickSession(findLiveSession(id))}
            onFocus={refreshSessions}
          />
        )
      }
    />
  )
}

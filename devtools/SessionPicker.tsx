import type { Session } from 'aws-client-cache'
import type { ReactNode } from 'react'
import { findLiveSession, type SessionOption } from './sessionOptions.js'

/**
 * Picks the session the panel shows among every live session (`listSessions()`), labelled by id
 * and region. The list follows new sessions as they appear (see `useSessionList`).
 */
export function SessionPicker({
  current,
  options,
  onPick,
  onFocus,
}: {
  current: SessionOption
  options: readonly SessionOption[]
  onPick: (session: Session | undefined) => void
  onFocus: () => void
}): ReactNode {
  return (
    <select
      className="picker mono"
      aria-label="Session"
      value={current.id}
      onFocus={onFocus}
      onChange={(event) => onPick(findLiveSession(event.target.value))}
    >
      {options.map((option) => (
        <option key={option.id} value={option.id}>
          {option.label}
        </option>
      ))}
    </select>
  )
}

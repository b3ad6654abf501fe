import type { Session } from 'aws-client-cache'
import { useSession } from 'aws-client-cache/react'
import { useState } from 'react'

/** The session a devtools component shows, and how its picker changes it. */
export interface SessionChoice {
  readonly session: Session
  /** Picks a session (`undefined`: back to the default one); absent when a `session` prop is given. */
  readonly pick: ((session: Session | undefined) => void) | undefined
}

/**
 * The `session` prop when given (no picker); else the picked session, by default the nearest
 * `SessionProvider`'s or the default session.
 */
export function useSessionChoice(session: Session | undefined): SessionChoice {
  const fallback = useSession()
  const [picked, setPicked] = useState<Session>()
  return session !== undefined
    ? { session, pick: undefined }
    : { session: picked ?? fallback, pick: setPicked }
}

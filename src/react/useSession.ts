import { useContext } from 'react'
import { getDefaultSession } from '../session/defaultSession.js'
import type { Session } from '../session/Session.js'
import { SessionContext } from './SessionContext.js'

/**
 * The nearest {@link SessionProvider}'s session, or the default session (`getDefaultSession()`)
 * outside any provider.
 *
 * @example
 * ```tsx
 * function Region() {
 *   const session = useSession()
 *   return <span>{session.regionName ?? 'no region'}</span>
 * }
 * ```
 */
export function useSession(): Session {
  return useContext(SessionContext) ?? getDefaultSession()
}

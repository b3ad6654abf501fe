import type { ReactNode } from 'react'
import type { Session } from '../session/Session.js'
import { SessionContext } from './SessionContext.js'

/** Props of {@link SessionProvider}. */
export interface SessionProviderProps {
  /** The session that {@link useSession}, {@link useClient} and the other hooks below use. */
  session: Session
  children?: ReactNode
}

/**
 * Hands a session down to the hooks of `aws-client-cache/react` (outside any provider they use the
 * default session).
 *
 * @example
 * ```tsx
 * import { Session } from 'aws-client-cache'
 * import { SessionProvider } from 'aws-client-cache/react'
 *
 * const session = new Session({ region: 'us-east-1', credentials })
 *
 * createRoot(root).render(
 *   <SessionProvider session={session}>
 *     <App />
 *   </SessionProvider>,
 * )
 * ```
 */
export function SessionProvider({ session, children }: SessionProviderProps): ReactNode {
  return <SessionContext.Provider value={session}>{children}</SessionContext.Provider>
}

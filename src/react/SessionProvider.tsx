import type { ReactNode } from 'react'
import { CacheError, invalidArgument } from '../errors.js'
import type { Session } from '../session/Session.js'
import type { SessionConfig } from '../session/SessionConfig.js'
import { SessionContext } from './SessionContext.js'
import { useOwnedSession } from './useOwnedSession.js'

/**
 * Props of {@link SessionProvider}: a `session`, or a `config` to create one from, or neither
 * (the default session).
 */
export type SessionProviderProps =
  | {
      /** The session that {@link useSession}, {@link useClient} and the other hooks use. */
      session: Session
      config?: undefined
      children?: ReactNode
    }
  | {
      session?: undefined
      /**
       * A session config from which the provider creates its own session once per mount and
       * disposes it on unmount. Serializable (no functions), so a React Server Component can pass
       * it. Later changes are ignored: give the provider a new `key` to start over.
       */
      config: SessionConfig
      children?: ReactNode
    }
  | { session?: undefined; config?: undefined; children?: ReactNode }

/**
 * Hands a session down to the hooks of `aws-client-cache/react` (outside any provider they use the
 * default session).
 *
 * - `session`: an app-owned session (create it once, outside render);
 * - `config`: the provider creates its own session from it when it mounts and disposes it after
 *   it unmounts (StrictMode's double mount keeps one session). A server component can render
 *   `<SessionProvider config={{ region: 'us-east-1' }}>`, since a `Session` instance cannot cross
 *   from server to client components;
 * - neither: the default session.
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
 * @example
 * ```tsx
 * // app/page.tsx, a server component (Next.js App Router)
 * import { SessionProvider } from 'aws-client-cache/react'
 *
 * export default function Page() {
 *   return (
 *     <SessionProvider config={{ region: 'us-east-1' }}>
 *       <Buckets />
 *     </SessionProvider>
 *   )
 * }
 * ```
 * @throws {@link CacheError} (`INVALID_ARGUMENT`, `param: 'config'`) when given both `session`
 *   and `config`; for a bad `config`, the error `new Session(config)` throws, naming the field
 */
export function SessionProvider({ session, config, children }: SessionProviderProps): ReactNode {
  if (session !== undefined && config !== undefined) {
    throw invalidArgument(
      CacheError,
      'config',
      'undefined when a session is given (SessionProvider takes a session or a config, not both)',
      config,
    )
  }
  const owned = useOwnedSession(config)
  return <SessionContext.Provider value={session ?? owned}>{children}</SessionContext.Provider>
}

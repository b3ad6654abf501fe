import { createContext } from 'react'
import type { Session } from '../session/Session.js'

/** The session a {@link SessionProvider} hands down; `undefined` outside any provider. */
export const SessionContext = createContext<Session | undefined>(undefined)
SessionContext.displayName = 'AwsClientCacheSession'

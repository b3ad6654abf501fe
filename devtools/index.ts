/**
 * The devtools panel for aws-client-cache, rendered only in development: outside
 * `process.env.NODE_ENV === 'development'` both components render `null` (bundlers replace
 * `process.env.NODE_ENV`). For a panel in production too, import
 * `aws-client-cache/devtools/production`.
 *
 * @example
 * ```tsx
 * import { ClientCacheDevtools } from 'aws-client-cache/devtools'
 *
 * <SessionProvider session={session}>
 *   <App />
 *   <ClientCacheDevtools initialIsOpen={false} position="bottom" />
 * </SessionProvider>
 * ```
 * @module
 */
import type { ReactNode } from 'react'
import {
  ClientCacheDevtools as Devtools,
  ClientCacheDevtoolsPanel as Panel,
  type ClientCacheDevtoolsPanelProps,
  type ClientCacheDevtoolsProps,
} from './production.js'

export type {
  ClientCacheDevtoolsProps,
  ClientCacheDevtoolsPanelProps,
  DevtoolsButtonPosition,
  DevtoolsPosition,
  DevtoolsTheme,
} from './production.js'

/**
 * `true` when the bundler (or Node) says development. Read inside `try`, not behind
 * `typeof process !== 'undefined'`: bundlers replace `process.env.NODE_ENV` with a literal but
 * leave `typeof process` alone, so that guard would hide the panel in every browser dev build;
 * and where nothing replaced it and no `process` exists, the `ReferenceError` means "not development".
 */
function isDevelopment(): boolean {
  try {
    return process.env.NODE_ENV === 'development'
  } catch {
    return false
  }
}

const development = isDevelopment()

function Nothing(): ReactNode {
  return null
}

/** {@link Devtools | ClientCacheDevtools} in development; elsewhere renders `null`. */
export const ClientCacheDevtools: (props: ClientCacheDevtoolsProps) => ReactNode = development
  ? Devtools
  : Nothing

/** {@link Panel | ClientCacheDevtoolsPanel} in development; elsewhere renders `null`. */
export const ClientCacheDevtoolsPanel: (props: ClientCacheDevtoolsPanelProps) => ReactNode =
  development ? Panel : Nothing

/**
 * The devtools panel for aws-client-cache, rendered only in development: outside
 * `process.env.NODE_ENV === 'development'` both components render `null`. Bundlers replace
 * `process.env.NODE_ENV`, so a production build leaves the panel's code out. Like React's own
 * entry, this module reads `process.env.NODE_ENV` when it loads: use it through a bundler or in
 * Node. For a panel in production too, import `aws-client-cache/devtools/production`.
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

function Nothing(): ReactNode {
  return null
}

// `process.env.NODE_ENV` is written out in each export, not read once into a variable or inside
// a `try`: bundlers replace it with a string literal and fold the comparison, so a production
// build keeps `Nothing` and drops the panel's code (the panel modules are side-effect free). Every
// environment that runs React from npm defines `process.env.NODE_ENV` (React's own entry reads
// it), so the bare read is safe wherever these components can render.

/** {@link Devtools | ClientCacheDevtools} in development; elsewhere renders `null`. */
export const ClientCacheDevtools: (props: ClientCacheDevtoolsProps) => ReactNode =
  process.env.NODE_ENV === 'development' ? Devtools : Nothing

/** {@link Panel | ClientCacheDevtoolsPanel} in development; elsewhere renders `null`. */
export const ClientCacheDevtoolsPanel: (props: ClientCacheDevtoolsPanelProps) => ReactNode =
  process.env.NODE_ENV === 'development' ? Panel : Nothing

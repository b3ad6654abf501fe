/**
 * The devtools panel, always rendered (also in production builds). `aws-client-cache/devtools`
 * is the same panel, rendered only when `process.env.NODE_ENV === 'development'`.
 *
 * @example
 * ```tsx
 * import { ClientCacheDevtools } from 'aws-client-cache/devtools/production'
 * ```
 * @module
 */
export { ClientCacheDevtools } from './ClientCacheDevtools.js'
export type {
  ClientCacheDevtoolsProps,
  DevtoolsButtonPosition,
  DevtoolsPosition,
} from './ClientCacheDevtools.js'
export { ClientCacheDevtoolsPanel } from './ClientCacheDevtoolsPanel.js'
export type { ClientCacheDevtoolsPanelProps } from './ClientCacheDevtoolsPanel.js'
export type { Theme as DevtoolsTheme } from './SessionHeader.js'

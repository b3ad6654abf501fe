import type { CacheType, EvictionPolicy } from 'aws-client-cache'
import { isRecord } from './isRecord.js'

/**
 * An action on one session's cache, as the panel asks for it; `sessionKey` is the session's
 * registration key in its hook (see `HookMessage`).
 */
export type SessionAction =
  | {
      readonly type: 'evict'
      readonly sessionKey: string
      readonly cacheType: CacheType
      readonly policy: EvictionPolicy
      readonly keyId: string
    }
  | {
      readonly type: 'clear'
      readonly sessionKey: string
      readonly cacheType: CacheType
      readonly policy: EvictionPolicy
    }
  | {
      readonly type: 'resize'
      readonly sessionKey: string
      readonly cacheType: CacheType
      readonly policy: EvictionPolicy
      readonly maxSize: number
    }

/**
 * What reaches the hook from the extension: `start` (a panel is shown: subscribe to every session
 * and resync), `stop` (no panel is shown: unsubscribe, send nothing), or an action.
 */
export type HookCommand = { readonly type: 'start' } | { readonly type: 'stop' } | SessionAction

const isCacheType = (value: unknown): value is CacheType =>
  value === 'client' || value === 'resource'
const isPolicy = (value: unknown): value is EvictionPolicy => value === 'LRU' || value === 'LFU'

/** `value` when it is a well-formed {@link SessionAction}, else `undefined`. */
export function parseSessionAction(value: unknown): SessionAction | undefined {
  if (
    !isRecord(value) ||
    typeof value.sessionKey !== 'string' ||
    !isCacheType(value.cacheType) ||
    !isPolicy(value.policy)
  ) {
    return undefined
  }
  switch (value.type) {
    case 'evict':
      return typeof value.keyId === 'string' ? (value as SessionAction) : undefined
    case 'clear':
      return value as SessionAction
    case 'resize':
      return typeof value.maxSize === 'number' ? (value as SessionAction) : undefined
    default:
      return undefined
  }
}

/** `value` when it is a well-formed {@link HookCommand}, else `undefined` (dropped). */
export function parseHookCommand(value: unknown): HookCommand | undefined {
  if (!isRecord(value)) return undefined
  if (value.type === 'start' || value.type === 'stop') return { type: value.type }
  return parseSessionAction(value)
}

import type { CacheEvent, SessionSnapshot } from 'aws-client-cache'
import { isCacheEvent } from './isCacheEvent.js'
import { isRecord } from './isRecord.js'
import { isSessionSnapshot } from './isSessionSnapshot.js'

/** One session's news in a {@link HookMessage} `batch`. */
export interface SessionBatch {
  /** The registration's key in its hook (see {@link HookMessage}). */
  readonly key: string
  /** The session's snapshot after `events`. */
  readonly snapshot: SessionSnapshot
  /**
   * Oldest first; never empty (a batch is sent because events happened, and the hook trims
   * snapshot entries rather than drop its last event), so that each batch makes the panel,
   * which re-reads a session's snapshot after its events, show the new snapshot.
   */
  readonly events: readonly CacheEvent[]
  /** Events of this batch left out (too many, or too large for one message). */
  readonly dropped: number
}

/**
 * What the hook in the page posts to the panel (through the relay and the service worker), as
 * JSON, only between START and STOP. Sessions are named by their registration's `key` (`r1`,
 * `r2`, … per hook), not by their own id: two copies of the library in one page (micro-frontends,
 * a duplicated dependency) each number their sessions from `session-1`. The session's own id is
 * `snapshot.id`, for display.
 *
 * - `sessions`: the keys of every session the hook holds (on START, a resync: anything else the
 *   panel shows for this frame is gone); a `session` message follows for each;
 * - `session`: one session, whole (on START, or when it registers while started);
 * - `removed`: a session was disposed;
 * - `batch`: events gathered for {@link BATCH_MS}, each session's with its new snapshot.
 */
export type HookMessage =
  | { readonly type: 'sessions'; readonly keys: readonly string[] }
  | {
      readonly type: 'session'
      readonly key: string
      readonly version: string
      readonly snapshot: SessionSnapshot
    }
  | { readonly type: 'removed'; readonly key: string }
  | { readonly type: 'batch'; readonly sessions: readonly SessionBatch[] }

const isId = (value: unknown): value is string =>
  typeof value === 'string' && value.length > 0 && value.length <= 200

function isSessionBatch(value: unknown): value is SessionBatch {
  return (
    isRecord(value) &&
    isId(value.key) &&
    isSessionSnapshot(value.snapshot) &&
    Array.isArray(value.events) &&
    value.events.length > 0 &&
    value.events.every(isCacheEvent) &&
    typeof value.dropped === 'number' &&
    Number.isSafeInteger(value.dropped) &&
    value.dropped >= 0
  )
}

/** `value` when it is a well-formed {@link HookMessage}, else `undefined` (dropped). */
export function parseHookMessage(value: unknown): HookMessage | undefined {
  if (!isRecord(value)) return undefined
  switch (value.type) {
    case 'sessions':
      return Array.isArray(value.keys) && value.keys.every(isId)
        ? (value as HookMessage)
        : undefined
    case 'session':
      return isId(value.key) &&
        typeof value.version === 'string' &&
        value.version.length <= 100 &&
        isSessionSnapshot(value.snapshot) &&
        value.snapshot.id.length <= 200
        ? (value as HookMessage)
        : undefined
    case 'removed':
      return isId(value.key) ? (value as HookMessage) : undefined
    case 'batch':
      return Array.isArray(value.sessions) && value.sessions.every(isSessionBatch)
        ? (value as HookMessage)
        : undefined
    default:
      return undefined
  }
}

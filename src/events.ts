import type { CredentialsReason } from './session/SharedCredentials.js'
import type { CacheType, EvictionPolicy, EvictReason } from './types.js'

/** Fields every {@link CacheEvent} has. */
export interface CacheEventBase {
  /** When it happened, in ms since the epoch. */
  readonly at: number
  /** Which side the event concerns; `null` for session-wide events (`credentials`). */
  readonly cacheType: CacheType | null
  /** Which cache the event concerns; `null` for session-wide events (`credentials`). */
  readonly evictionPolicy: EvictionPolicy | null
}

/** Fields of events about one entry. */
export interface EntryEventBase extends CacheEventBase {
  readonly cacheType: CacheType
  readonly evictionPolicy: EvictionPolicy
  /** The entry's key `id` (secret-free). */
  readonly keyId: string
  /** The entry's key `label` (secret-free). */
  readonly label: string
}

/** A lookup found the entry. */
export interface HitEvent extends EntryEventBase {
  readonly type: 'hit'
}
/** A lookup found nothing. */
export interface MissEvent extends EntryEventBase {
  readonly type: 'miss'
}
/** An entry was added (for a session: a client or resource was built and cached). */
export interface CreateEvent extends EntryEventBase {
  readonly type: 'create'
}
/** An entry left the cache. */
export interface EvictEvent extends EntryEventBase {
  readonly type: 'evict'
  readonly reason: EvictReason
}
/** A session destroyed an evicted client (or a resource's client) once it was idle. */
export interface DisposeEvent extends EntryEventBase {
  readonly type: 'dispose'
}
/** A cache's `maxSize` changed. */
export interface ResizeEvent extends CacheEventBase {
  readonly type: 'resize'
  readonly cacheType: CacheType
  readonly evictionPolicy: EvictionPolicy
  readonly maxSize: number
  readonly previousMaxSize: number
}
/** A cache was cleared. */
export interface ClearEvent extends CacheEventBase {
  readonly type: 'clear'
  readonly cacheType: CacheType
  readonly evictionPolicy: EvictionPolicy
  /** How many entries were removed. */
  readonly count: number
}
/** A cached client started a request. */
export interface RequestEvent extends EntryEventBase {
  readonly type: 'request'
  readonly commandName: string
}
/** A cached client's request finished (its streaming body, if any, included). */
export interface ResponseEvent extends EntryEventBase {
  readonly type: 'response'
  readonly commandName: string
  /** Milliseconds from the request's start to the end of its response. */
  readonly duration: number
  /** `false` when the request failed. */
  readonly ok: boolean
}
/** The session's shared credentials were resolved. */
export interface CredentialsEvent extends CacheEventBase {
  readonly type: 'credentials'
  readonly cacheType: null
  readonly evictionPolicy: null
  /** `true` when these credentials replaced earlier ones (`reason` is not `'initial'`). */
  readonly refresh: boolean
  /**
   * Why they were resolved: the first time (`initial`), near expiry (`refresh`), after
   * `setCredentials()` (`switch`), after `invalidateCredentials()` (`invalidate`), or after a
   * request failed with an authentication error (`auth-error`).
   */
  readonly reason: CredentialsReason
  /** ISO time the credentials expire, or `null` if they do not. */
  readonly expiration: string | null
}

/**
 * Everything a cache or session reports, discriminated on `type`.
 *
 * @example
 * ```ts
 * session.subscribe((event) => {
 *   if (event.type === 'evict') console.log(`${event.label} left (${event.reason})`)
 * })
 * ```
 */
export type CacheEvent =
  | HitEvent
  | MissEvent
  | CreateEvent
  | EvictEvent
  | DisposeEvent
  | ResizeEvent
  | ClearEvent
  | RequestEvent
  | ResponseEvent
  | CredentialsEvent

/** A function that receives events. */
export type CacheEventListener = (event: CacheEvent) => void

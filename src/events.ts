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
/**
 * Why a session call missed, the first that applies: `evicted` (this very key was cached and
 * evicted; the session remembers each cache's last 64 evicted key ids), `differs` (an entry of the
 * same class — for resources, definition — is cached, but its config differs: `nearest` is the
 * one differing in the fewest top-level properties, `paths` are those properties, never their
 * values; a difference anywhere under `credentials` is reported as `'credentials'`), or `new`.
 */
export type MissCause =
  | { readonly kind: 'new' }
  | { readonly kind: 'evicted'; readonly reason: EvictReason }
  | {
      readonly kind: 'differs'
      readonly nearest: { readonly keyId: string; readonly label: string }
      readonly paths: readonly string[]
    }

/** A lookup found nothing. */
export interface MissEvent extends EntryEventBase {
  readonly type: 'miss'
  /**
   * Why: on every miss of a session call (`session.client()`, `resource()`, …); absent on a miss of
   * a low-level cache's own `get()`.
   */
  readonly cause?: MissCause
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
 * A session noticed a likely bug in how it is called. `UNSTABLE_CONFIG`: the third miss for one
 * class whose config differs from the nearest cached entry in exactly one top-level property,
 * and there only in values compared by identity (a logger, handler or function new on every call),
 * so the class can never hit. Emitted once per session, class and path.
 */
export interface WarningEvent extends CacheEventBase {
  readonly type: 'warning'
  readonly cacheType: CacheType
  readonly evictionPolicy: EvictionPolicy
  readonly code: 'UNSTABLE_CONFIG'
  /** The client class name (or resource definition name). */
  readonly className: string
  /** The top-level config property that is new on every call, e.g. `'logger'`. */
  readonly path: string
  /** Such misses so far. */
  readonly count: number
  /** What happened and how to fix it (in production builds, only the code, class and path). */
  readonly message: string
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
  | WarningEvent

/** A function that receives events. */
export type CacheEventListener = (event: CacheEvent) => void

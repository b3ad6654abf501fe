import { internals } from '../caches/CacheBase.js'
import type { CacheKey } from '../keys/CacheKey.js'
import type { AwsClientLike } from '../types.js'
import { usesSharedCredentials } from './buildClient.js'
import type { AnyCache, Built } from './Built.js'
import { ClientTracker } from './ClientTracker.js'
import { destroyQuietly } from './destroyQuietly.js'
import type { Disposer } from './Disposer.js'
import { entryEvent } from './entryEvent.js'
import type { MissDiagnostics } from './MissDiagnostics.js'
import { createRequestMiddleware, REQUEST_MIDDLEWARE_OPTIONS } from './requestMiddleware.js'
import type { SessionClock } from './SessionClock.js'
import type { SessionStats } from './SessionStats.js'
import type { SharedCredentials } from './SharedCredentials.js'

/** What the miss path uses of its session. @internal */
export interface CommitDeps {
  readonly disposer: Disposer
  readonly diagnostics: MissDiagnostics
  readonly stats: SessionStats
  readonly credentials: SharedCredentials
  readonly clock: SessionClock
  readonly bodyIdleTimeout: number
  readonly refreshOnAuthError: boolean
}

/**
 * What one miss hands {@link commitEntry} besides the session's part: `owner` is the client class
 * or the resource definition; `compared` is what the diagnosis compares (a resource adds its
 * `resourceOptions`).
 * @internal
 */
export type CommitArgs = [
  owner: object,
  key: CacheKey,
  value: object,
  client: AwsClientLike,
  cache: AnyCache,
  effective: Record<string, unknown>,
  compared: Record<string, unknown>,
]

/**
 * The one miss path of clients and resources: tracks what was built (the request middleware),
 * diagnoses the miss, emits it with its cause, and caches the value — destroying the client if
 * caching fails (the arguments: {@link CommitArgs}).
 * @internal
 */
export function commitEntry(
  deps: CommitDeps,
  ...[owner, key, value, client, cache, effective, compared]: CommitArgs
): unknown {
  track(deps, value, client, key, cache, effective)
  const cause = deps.diagnostics.diagnose(cache, owner, key, compared)
  if (internals.hasListeners(cache)) {
    internals.emit(cache, { ...entryEvent('miss', key, cache, deps.clock.now()), cause })
  }
  try {
    ;(cache as { set(key: CacheKey, value: unknown): unknown }).set(key, value)
  } catch (error) {
    destroyQuietly(client)
    throw error
  }
  deps.diagnostics.created(cache, owner, key, compared)
  deps.stats.creates++
  return value
}

/** Adds the request-tracking middleware and remembers what the session built. */
function track(
  deps: CommitDeps,
  value: object,
  client: AwsClientLike,
  key: CacheKey,
  cache: AnyCache,
  effective: Record<string, unknown>,
): void {
  const { clock, credentials } = deps
  const tracker = new ClientTracker(deps.bodyIdleTimeout, clock)
  const handler = effective.requestHandler as { handle?: unknown } | undefined
  const built: Built = {
    client,
    tracker,
    key,
    cache,
    // A handler the caller passed in is theirs: destroying the client would destroy it.
    ownsHandler: !(
      handler !== null &&
      typeof handler === 'object' &&
      typeof handler.handle === 'function'
    ),
    disposed: false,
  }
  deps.disposer.built.set(value, built)
  const stack = client.middlewareStack as
    { add?: (middleware: unknown, options: object) => void } | undefined
  stack?.add?.(
    createRequestMiddleware({
      tracker,
      emitter: () =>
        internals.hasListeners(cache)
          ? (data) =>
              internals.emit(cache, { ...entryEvent(data.type, key, cache, clock.now()), ...data })
          : undefined,
      credentials:
        deps.refreshOnAuthError && usesSharedCredentials(effective, credentials)
          ? credentials
          : undefined,
      now: clock.now,
    }),
    REQUEST_MIDDLEWARE_OPTIONS,
  )
}

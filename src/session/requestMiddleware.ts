import type { AbortSignalLike } from './AbortSignalLike.js'
import { isReplayable, signedWith } from './authRetry.js'
import { isAuthError } from './isAuthError.js'
import type { ClientTracker } from './ClientTracker.js'
import type { SharedCredentials } from './SharedCredentials.js'

/** What the tracking middleware of one built client needs, and nothing more. */
export interface RequestMiddlewareDeps {
  readonly tracker: ClientTracker
  /** `request`/`response` events for this entry, or `undefined` while nobody listens. */
  readonly emitter: () => ((event: RequestEventData) => void) | undefined
  /**
   * The session's shared credentials when this client signs with them and `refreshOnAuthError`
   * is on: an authentication error then invalidates them and retries once.
   */
  readonly credentials: SharedCredentials | undefined
  /** The session's clock, for durations. */
  readonly now: () => number
}

/** The `request` or `response` event of one request, before the entry's own fields. */
export type RequestEventData =
  | { type: 'request'; commandName: string }
  | { type: 'response'; commandName: string; duration: number; ok: boolean }

/** Where the middleware sits: first of all, so it sees each `send()` whole, retries included. */
export const REQUEST_MIDDLEWARE_OPTIONS = {
  step: 'initialize',
  priority: 'high',
  name: 'awsClientCacheTracker',
  override: true,
} as const

type Next = (args: { input?: unknown }) => Promise<{ output?: { Body?: unknown } }>
interface HandlerContext {
  commandName?: string
  __smithy_context?: { abortSignal?: AbortSignalLike }
}

/**
 * The middleware a session adds to every client it builds:
 * - counts the request as in flight until its response is consumed (a streaming body included),
 *   so an evicted client is destroyed only when idle;
 * - emits `request` and `response` events;
 * - ends the request as soon as its abort signal fires;
 * - on an authentication error of a client signing with the session's shared credentials,
 *   invalidates them (once for concurrent failures with one key) and sends the request once more
 *   when its input can be replayed. A second failure, or a stream input, goes to the caller.
 * @internal
 */
export function createRequestMiddleware({
  tracker,
  emitter,
  credentials,
  now,
}: RequestMiddlewareDeps) {
  return (next: Next, context: HandlerContext) =>
    async (args: { input?: unknown }): Promise<{ output?: { Body?: unknown } }> => {
      const started = now()
      const commandName = context.commandName ?? 'Command'
      const finishRequest = tracker.start()
      emitter()?.({ type: 'request', commandName })
      const finish = (ok: boolean): void => {
        finishRequest(ok)
        emitter()?.({ type: 'response', commandName, duration: now() - started, ok })
      }
      const signal = context.__smithy_context?.abortSignal
      try {
        let result: { output?: { Body?: unknown } }
        try {
          result = await withAbort(next(args), signal)
        } catch (error) {
          if (credentials === undefined || !isAuthError(error) || signal?.aborted === true) {
            throw error
          }
          credentials.invalidateAfterAuthError(signedWith(context))
          if (!isReplayable(args.input)) throw error
          result = await withAbort(next(args), signal)
        }
        if (!tracker.watchBody(result?.output?.Body, finish)) finish(true)
        return result
      } catch (error) {
        finish(false)
        throw error
      }
    }
}

/**
 * `work`, ended as soon as `signal` aborts. `raceAbort` is a lazy chunk, loaded by the first
 * request that carries a signal; the request is already under way meanwhile, and `raceAbort`
 * rejects at once if the signal fired before it arrived.
 */
function withAbort<T>(work: Promise<T>, signal: AbortSignalLike | undefined): Promise<T> {
  if (signal === undefined) return work
  work.catch(noop) // handled below, once raceAbort is in: no unhandled rejection meanwhile
  // If the chunk cannot load, the request goes on unraced rather than being counted as ended.
  return import('./raceAbort.js').then(
    ({ raceAbort }) => raceAbort(work, signal),
    () => work,
  )
}

function noop(): void {}

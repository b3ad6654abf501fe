/**
 * The platform for every runtime that is not Node (browsers, web workers, edge runtimes, React
 * Native): no shared config files and no default credential chain. It imports no `node:` module
 * and touches no global, so it is safe in any bundle.
 *
 * @module
 */
import type { Platform } from './Platform.js'

/**
 * The non-Node platform: profiles are unsupported, {@link Platform.listProfiles} resolves `[]`,
 * {@link Platform.defaultCredentialProvider} returns `undefined` (so a session without
 * `credentials` leaves each client to the SDK's own browser default) and
 * {@link Platform.watchBody} watches nothing: response bodies here are web streams or blobs. A
 * Node stream body reaching it means the app was bundled for Node without the `node` condition
 * (Rollup's node-resolve by default, esbuild's `neutral` platform); it is watched all the same, by
 * the Node watcher loaded on demand, so no such build destroys a client mid-body.
 *
 * @example
 * ```ts
 * import { platform } from '#platform' // this module outside Node
 *
 * platform.supportsProfiles // false
 * await platform.listProfiles() // []
 * ```
 */
export const platform: Platform = {
  name: 'browser',
  supportsProfiles: false,
  listProfiles: async () => [],
  defaultCredentialProvider: () => undefined,
  watchBody(body, finish, idleTimeout, clock) {
    const stream = body as { pipe?: unknown; once?: unknown; readableEnded?: unknown } | null
    if (typeof stream !== 'object' || stream === null) return false
    if (typeof stream.pipe !== 'function' || typeof stream.once !== 'function') return false
    import('./watchNodeBody.js').then(
      ({ watchNodeBody }) => {
        // Ended, or closed early, while the watcher loaded: done now, as the watcher would say.
        if (!watchNodeBody(body, finish, idleTimeout, clock)) finish(stream.readableEnded === true)
      },
      () => finish(true), // no watcher to load: count the request as done, as a web body is
    )
    return true
  },
} satisfies Platform

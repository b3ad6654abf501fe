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
 * {@link Platform.watchBody} watches nothing: response bodies here are web streams or blobs.
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
  watchBody: () => false,
} satisfies Platform

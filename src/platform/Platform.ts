/**
 * The contract of the runtime-specific module behind the `#platform` import. `package.json`
 * `"imports"` picks `node.ts` under the `node` condition and `browser.ts` everywhere else, so the
 * universal core never tests `typeof window` and never reaches a `node:` module in a browser
 * bundle.
 *
 * @module
 */
import type { SessionClock } from '../session/SessionClock.js'
import type { AwsCredentialIdentityProvider } from '../types.js'

/**
 * What differs by runtime. Both implementations export a `platform` of this type.
 *
 * @example
 * ```ts
 * import { platform } from '#platform'
 *
 * if (platform.supportsProfiles) console.log(await platform.listProfiles()) // ['default', 'dev']
 * ```
 */
export interface Platform {
  /** Which implementation this is. */
  readonly name: 'node' | 'browser'
  /** Whether a session may name a shared-config `profile` (Node only). */
  readonly supportsProfiles: boolean
  /**
   * Sorted, unique profile names from the shared config and credentials files (Node); `[]`
   * elsewhere. Never rejects: a missing or unreadable file counts as empty.
   */
  listProfiles(): Promise<string[]>
  /**
   * The credential provider a session uses when it was given no `credentials`: in Node the SDK's
   * default chain for `profile` (loaded lazily on first call); elsewhere `undefined`, leaving each
   * client to its own default.
   */
  defaultCredentialProvider(profile: string | undefined): AwsCredentialIdentityProvider | undefined
  /**
   * Keeps a request counted until its response body is consumed: in Node, a readable stream body
   * is watched until it ends, errors or closes, or makes no progress for `idleTimeout` ms (then
   * `finish` is called once and `true` returned). Elsewhere bodies are web streams or blobs and
   * nothing is watched: `false`, and the request counts until its response arrived (a Node
   * stream there — a Node bundle built without the `node` condition — is still watched, by the
   * same watcher loaded on demand).
   */
  watchBody(
    body: unknown,
    finish: (ok: boolean) => void,
    idleTimeout: number,
    clock: SessionClock,
  ): boolean
}

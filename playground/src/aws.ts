/**
 * Where the playground's AWS lives (the local sandbox or real AWS, from `virtual:sandbox-config`),
 * and the few factories every panel shares: the app's session, Cognito credential providers and
 * the sandbox's counters.
 */
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import type { AwsCredentialIdentityProvider } from 'aws-client-cache'
import { Session } from 'aws-client-cache'
import config from 'virtual:sandbox-config'

export { config }

/** `true` when the app talks to the local sandbox (its counters are then available). */
export const isSandbox = config.mode === 'sandbox'

/**
 * What guests may read (Amplify's public access level, as the sandbox enforces it): every
 * listing of the app names this prefix.
 */
export const PUBLIC_PREFIX = 'public/'

/** A signed-in identity's own folder: `private/<identityId>/`. */
export function privatePrefix(identityId: string): string {
  return `private/${identityId}/`
}

/** Credential-provider calls made by this page; each one is a `GetCredentialsForIdentity`. */
let providerCalls = 0

/** How many times this page's Cognito providers have fetched credentials so far. */
export function credentialProviderCalls(): number {
  return providerCalls
}

/** Who resolved credentials were issued for: `'guest'` or a username (see {@link issuedFor}). */
const issuedTo = new WeakMap<object, string>()

/**
 * Who the identity pool issued these credentials for: `'guest'`, a username, or `undefined` for
 * credentials that no provider of this page resolved. Looked up by the credentials object itself,
 * so it always describes the key pair that signs, never a stale label.
 */
export function issuedFor(credentials: object | undefined): string | undefined {
  return credentials === undefined ? undefined : issuedTo.get(credentials)
}

/** The Cognito identity id the provider resolved with the credentials (the SDK adds it). */
export function identityIdOf(credentials: object | undefined): string | null {
  const identityId = (credentials as { identityId?: unknown } | undefined)?.identityId
  return typeof identityId === 'string' ? identityId : null
}

/**
 * A fresh Cognito Identity credential provider for the configured pool: a guest
 * (unauthenticated identity) without `logins`, a signed-in user with `logins` (the user pool's
 * ID token under its provider name) and their `username`. Every call of the provider it returns
 * fetches new credentials (`GetCredentialsForIdentity`; the first also `GetId`, unless the SDK
 * has a guest's identity id cached in IndexedDB), is counted for {@link credentialProviderCalls},
 * and records who the credentials are for ({@link issuedFor}).
 */
export function cognitoProvider(
  logins?: Record<string, string>,
  username?: string,
): AwsCredentialIdentityProvider {
  const provider = fromCognitoIdentityPool({
    identityPoolId: config.identityPoolId,
    ...(logins === undefined ? {} : { logins }),
    clientConfig: {
      region: config.region,
      ...(config.cognitoEndpoint === undefined ? {} : { endpoint: config.cognitoEndpoint }),
    },
  })
  const who = logins === undefined ? 'guest' : (username ?? 'user')
  return async (options) => {
    providerCalls++
    const credentials = await provider(options)
    issuedTo.set(credentials, who)
    return credentials
  }
}

/**
 * The S3 config every client shares: the sandbox endpoint (path-style), or nothing for AWS; and
 * never the browser's HTTP cache. A `GetObject` answer carries `Last-Modified`, which lets the
 * browser reuse it without asking S3 again — also after a switch of identity, for a user who may
 * not read the object, and without S3 ever seeing the request. Handler options (not a handler
 * instance), so the SDK builds each client's own handler from them.
 */
export const s3ClientConfig: S3ClientConfig = {
  requestHandler: { cache: 'no-store' },
  ...(config.s3Endpoint === undefined ? {} : { endpoint: config.s3Endpoint, forcePathStyle: true }),
}

/** A session as the app builds it: shared Cognito credentials, S3 defaults. */
export function createSession(): Session {
  return new Session({
    region: config.region,
    credentials: cognitoProvider(),
    clientConfig: s3ClientConfig,
  })
}

/**
 * The app's one session: every panel but the naive-vs-cached comparison uses it. It starts as a
 * guest; signing in, switching users and signing out change its credentials
 * (`session.setCredentials()`, see identity.ts), never the session or its clients.
 */
export const session = createSession()

/** The sandbox's request counters (`GET /__sandbox/stats`). */
export interface SandboxStats {
  GetId: number
  GetCredentialsForIdentity: number
  InitiateAuth?: number
  s3Requests: number
  /** S3 requests per Cognito identity id. */
  s3RequestsByIdentity?: Record<string, number>
}

/**
 * Sandbox only: revokes every key pair the sandbox has issued (`POST /__sandbox/revoke`), as if
 * all had expired; S3 then answers `ExpiredToken` to requests signed with them. Resolves how many
 * key pairs were revoked.
 */
export async function revokeSandboxCredentials(): Promise<number> {
  if (!isSandbox) throw new Error('Revoking credentials is a sandbox feature')
  const response = await fetch('/__sandbox/revoke', { method: 'POST', cache: 'no-store' })
  if (!response.ok) throw new Error(`POST /__sandbox/revoke answered ${response.status}`)
  return ((await response.json()) as { revoked: number }).revoked
}

/** The sandbox's counters, or `null` with real AWS (no sandbox, so no counters). */
export async function fetchStats(): Promise<SandboxStats | null> {
  if (!isSandbox) return null
  const response = await fetch('/__sandbox/stats', { cache: 'no-store' })
  if (!response.ok) throw new Error(`GET /__sandbox/stats answered ${response.status}`)
  return (await response.json()) as SandboxStats
}

/** A readable message for anything thrown by the SDK, the library or the app. */
export function describeError(error: unknown): string {
  if (error instanceof Error) {
    const name = error.name && error.name !== 'Error' ? `${error.name}: ` : ''
    const meta = (error as { $metadata?: { httpStatusCode?: number } }).$metadata
    const status = meta?.httpStatusCode === undefined ? '' : ` (HTTP ${meta.httpStatusCode})`
    return `${name}${error.message || 'no message'}${status}`
  }
  return String(error)
}

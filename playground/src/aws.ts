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

/**
 * A fresh Cognito Identity credential provider for the configured pool (unauthenticated
 * identities). Every call of the provider it returns fetches new credentials
 * (`GetCredentialsForIdentity`; the first also `GetId`, unless the SDK has the identity id
 * cached in IndexedDB) and is counted for {@link credentialProviderCalls}.
 */
export function cognitoProvider(): AwsCredentialIdentityProvider {
  const provider = fromCognitoIdentityPool({
    identityPoolId: config.identityPoolId,
    clientConfig: {
      region: config.region,
      ...(config.cognitoEndpoint === undefined ? {} : { endpoint: config.cognitoEndpoint }),
    },
  })
  return async (options) => {
    providerCalls++
    return provider(options)
  }
}

/** The S3 config every client shares: the sandbox endpoint (path-style), or nothing for AWS. */
export const s3ClientConfig: S3ClientConfig =
  config.s3Endpoint === undefined ? {} : { endpoint: config.s3Endpoint, forcePathStyle: true }

/** A session as the app builds it: shared Cognito credentials, S3 defaults. */
export function createSession(): Session {
  return new Session({
    region: config.region,
    credentials: cognitoProvider(),
    clientConfig: s3ClientConfig,
  })
}

/** The app's session: every panel but the naive-vs-cached comparison uses it. */
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

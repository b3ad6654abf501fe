/**
 * The Cognito identity pool: `GetId` and `GetCredentialsForIdentity`
 * (`AWSCognitoIdentityService.*`) for guests and for users of the sandbox's user pool.
 *
 * - No `Logins`: a new guest identity; guest credentials (unauthenticated role).
 * - `Logins: { 'cognito-idp.<region>.amazonaws.com/<userPoolId>': idToken }`: the token is
 *   verified (signature against the user pool's JWKS, issuer, audience = the app client, expiry);
 *   the user's identity id is the same on every call; credentials are for the authenticated role.
 * - A bad, forged or expired token, or a provider the pool does not know: NotAuthorizedException.
 * - The sandbox neither links nor merges identities: `GetCredentialsForIdentity` with a guest
 *   identity id and a user's `Logins` (or with another user's id) → NotAuthorizedException
 *   ("Logins don't match"); a user's identity id without `Logins` → NotAuthorizedException. Call
 *   `GetId` with the `Logins` first, as the SDK's `fromCognitoIdentityPool` and Amplify do.
 */
import type { JsonObject } from './awsJson.js'
import { AwsJsonError, missingMember, optionalString, optionalStringMap } from './awsJson.js'
import type { CredentialIssuer } from './credentials.js'
import { TokenRejected } from './idTokens.js'
import { IdentityIds } from './identityIds.js'

export const IDENTITY_POOL_TARGET_PREFIX = 'AWSCognitoIdentityService.'
export const IDENTITY_POOL_ERROR_NAMESPACE =
  'http://internal.amazon.com/coral/com.amazonaws.cognito.identity.model/'
/** AWS's pattern for identity pool ids and identity ids. */
export const COGNITO_ID_PATTERN = /^[\w-]+:[0-9a-f-]+$/
const COGNITO_ID_PATTERN_TEXT = '[\\w-]+:[0-9a-f-]+'

/** A login provider the pool trusts: its `Logins` key and how to check its tokens. */
export interface LoginProvider {
  providerName: string
  /** Resolves the token's subject; rejects with TokenRejected. */
  verify(token: string): Promise<{ sub: string }>
}

export interface IdentityPoolDeps {
  identityPoolId: string
  issuer: CredentialIssuer
  providers: readonly LoginProvider[]
}

function notAuthorized(message: string): AwsJsonError {
  return new AwsJsonError('NotAuthorizedException', message)
}

function requiredId(body: JsonObject, member: string): string {
  const value = optionalString(body, member)
  if (value === undefined) throw missingMember(member)
  if (value.length < 1 || value.length > 55 || !COGNITO_ID_PATTERN.test(value)) {
    const field = member.charAt(0).toLowerCase() + member.slice(1)
    throw new AwsJsonError(
      'InvalidParameterException',
      `1 validation error detected: Value '${value}' at '${field}' failed to satisfy constraint: ` +
        `Member must satisfy regular expression pattern: ${COGNITO_ID_PATTERN_TEXT}`,
    )
  }
  return value
}

export class IdentityPool {
  readonly #deps: IdentityPoolDeps
  readonly #ids: IdentityIds
  readonly #providers: ReadonlyMap<string, LoginProvider>

  constructor(deps: IdentityPoolDeps) {
    this.#deps = deps
    this.#ids = new IdentityIds(deps.identityPoolId)
    this.#providers = new Map(deps.providers.map((p) => [p.providerName, p]))
  }

  async getId(body: JsonObject): Promise<JsonObject> {
    const identityPoolId = requiredId(body, 'IdentityPoolId')
    optionalString(body, 'AccountId')
    if (identityPoolId !== this.#deps.identityPoolId) {
      throw new AwsJsonError(
        'ResourceNotFoundException',
        `IdentityPool '${identityPoolId}' not found.`,
      )
    }
    const userIdentity = await this.#identityOfLogins(body)
    return { IdentityId: userIdentity ?? this.#ids.create() }
  }

  async getCredentialsForIdentity(body: JsonObject): Promise<JsonObject> {
    const identityId = requiredId(body, 'IdentityId')
    optionalString(body, 'CustomRoleArn')
    const userIdentity = await this.#identityOfLogins(body)
    const kind = this.#ids.kind(identityId)
    if (kind === undefined) {
      throw new AwsJsonError('ResourceNotFoundException', `Identity '${identityId}' not found.`)
    }
    if (userIdentity !== undefined && userIdentity !== identityId) {
      throw notAuthorized(
        "Logins don't match. Please include at least one valid login for this identity or identity pool.",
      )
    }
    if (userIdentity === undefined && kind === 'authenticated') {
      throw notAuthorized(`Access to Identity '${identityId}' is forbidden.`)
    }
    const credentials = this.#deps.issuer.issue({
      identityId,
      authenticated: kind === 'authenticated',
    })
    return {
      IdentityId: identityId,
      Credentials: {
        AccessKeyId: credentials.accessKeyId,
        SecretKey: credentials.secretAccessKey,
        SessionToken: credentials.sessionToken,
        // Epoch seconds, as AWS's JSON protocols encode timestamps.
        Expiration: credentials.expiration.getTime() / 1000,
      },
    }
  }

  /** The identity id of the user the `Logins` prove, or undefined when there are none. */
  async #identityOfLogins(body: JsonObject): Promise<string | undefined> {
    const logins = Object.entries(optionalStringMap(body, 'Logins') ?? {})
    if (logins.length === 0) return undefined
    const providers = logins.map(([name]) => this.#providers.get(name))
    const [provider] = providers
    if (provider === undefined || providers.some((p) => p !== provider)) {
      throw notAuthorized('Token is not from a supported provider of this identity pool.')
    }
    const token = logins[0]?.[1] ?? ''
    try {
      const { sub } = await provider.verify(token)
      return this.#ids.forLogin(provider.providerName, sub)
    } catch (err) {
      if (err instanceof TokenRejected) throw notAuthorized(err.message)
      throw err
    }
  }
}

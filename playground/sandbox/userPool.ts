/**
 * A small Cognito user pool: one app client, fixed demo users, and the
 * `AWSCognitoIdentityProviderService.InitiateAuth` operation with `USER_PASSWORD_AUTH`, answered
 * as Cognito does. Tokens come from {@link IdTokens}; each user's `sub` is derived from the pool id
 * and the username, so it is the same on every sign-in and after a restart.
 */
import { createHash, createHmac, timingSafeEqual } from 'node:crypto'
import type { JsonObject } from './awsJson.js'
import { AwsJsonError, missingMember, optionalString, optionalStringMap } from './awsJson.js'
import type { TokenUser } from './idTokens.js'
import { IdTokens } from './idTokens.js'

export const USER_POOL_TARGET_PREFIX = 'AWSCognitoIdentityProviderService.'
export const USER_POOL_ERROR_NAMESPACE =
  'http://internal.amazon.com/coral/com.amazonaws.cognito.identity.idp.model/'

/** Demo accounts: their passwords are shown in the playground, so they protect nothing. */
export interface DemoUser {
  username: string
  password: string
  email: string
}

export const DEMO_USERS: readonly DemoUser[] = [
  { username: 'alice', password: 'alice-password-1', email: 'alice@example.com' },
  { username: 'bob', password: 'bob-password-1', email: 'bob@example.com' },
]

export const DEFAULT_USER_POOL_CLIENT_ID = 'sandboxappclient0000000000'

/** Cognito's user pool id form: `<region>_<id>`. */
export function defaultUserPoolId(region: string): string {
  return `${region}_Sandbox01`
}

/** The `Logins` key an identity pool knows a user pool by. */
export function userPoolProviderName(region: string, userPoolId: string): string {
  return `cognito-idp.${region}.amazonaws.com/${userPoolId}`
}

export interface UserPoolOptions {
  region: string
  userPoolId: string
  clientId: string
  /** The tokens' `iss`: the pool's URL on the sandbox, `<cognito endpoint>/<userPoolId>`. */
  issuer: string
  tokenTtlSeconds: number
  users?: readonly DemoUser[]
}

interface Account extends TokenUser {
  passwordHash: Buffer
}

const sha256 = (value: string) => createHash('sha256').update(value, 'utf8').digest()

/** A stable UUID (v4 layout) for a user of a pool. */
function userSub(userPoolId: string, username: string): string {
  const bytes = createHmac('sha256', 'aws-client-cache-sandbox-user')
    .update(`${userPoolId}\n${username}`)
    .digest()
    .subarray(0, 16)
  bytes[6] = ((bytes[6] ?? 0) & 0x0f) | 0x40
  bytes[8] = ((bytes[8] ?? 0) & 0x3f) | 0x80
  const hex = bytes.toString('hex')
  return `${hex.slice(0, 8)}-${hex.slice(8, 12)}-${hex.slice(12, 16)}-${hex.slice(16, 20)}-${hex.slice(20)}`
}

export class UserPool {
  readonly id: string
  readonly clientId: string
  /** The `Logins` key for this pool: `cognito-idp.<region>.amazonaws.com/<userPoolId>`. */
  readonly providerName: string
  readonly tokens: IdTokens
  readonly #accounts: ReadonlyMap<string, Account>

  private constructor(options: UserPoolOptions, tokens: IdTokens) {
    this.id = options.userPoolId
    this.clientId = options.clientId
    this.providerName = userPoolProviderName(options.region, options.userPoolId)
    this.tokens = tokens
    this.#accounts = new Map(
      (options.users ?? DEMO_USERS).map((user) => [
        user.username.toLowerCase(),
        {
          username: user.username,
          email: user.email,
          sub: userSub(options.userPoolId, user.username),
          passwordHash: sha256(user.password),
        },
      ]),
    )
  }

  static async create(options: UserPoolOptions): Promise<UserPool> {
    const tokens = await IdTokens.create({
      issuer: options.issuer,
      clientId: options.clientId,
      ttlSeconds: options.tokenTtlSeconds,
    })
    return new UserPool(options, tokens)
  }

  /** A user's `sub`, or undefined for an unknown username. */
  subOf(username: string): string | undefined {
    return this.#accounts.get(username.toLowerCase())?.sub
  }

  /** `InitiateAuth` with `AuthFlow: 'USER_PASSWORD_AUTH'`. */
  async initiateAuth(body: JsonObject): Promise<JsonObject> {
    const authFlow = optionalString(body, 'AuthFlow')
    const clientId = optionalString(body, 'ClientId')
    const parameters = optionalStringMap(body, 'AuthParameters') ?? {}
    if (authFlow === undefined) throw missingMember('AuthFlow')
    if (clientId === undefined) throw missingMember('ClientId')
    if (clientId !== this.clientId) {
      throw new AwsJsonError(
        'ResourceNotFoundException',
        `User pool client ${clientId} does not exist.`,
      )
    }
    if (authFlow !== 'USER_PASSWORD_AUTH') {
      throw new AwsJsonError(
        'InvalidParameterException',
        `${authFlow} flow not enabled for this client`,
      )
    }
    const username = parameters['USERNAME']
    const password = parameters['PASSWORD']
    for (const [name, value] of [
      ['USERNAME', username],
      ['PASSWORD', password],
    ] as const) {
      if (value === undefined || value === '') {
        throw new AwsJsonError('InvalidParameterException', `Missing required parameter ${name}`)
      }
    }
    const account = this.#accounts.get((username ?? '').toLowerCase())
    // Compared in constant time; an unknown user gets the same answer as a wrong password.
    const passwordMatches = timingSafeEqual(
      sha256(password ?? ''),
      account?.passwordHash ?? sha256(`\0${password ?? ''}`),
    )
    if (account === undefined || !passwordMatches) {
      throw new AwsJsonError('NotAuthorizedException', 'Incorrect username or password.')
    }
    const issued = await this.tokens.issue(account)
    return {
      AuthenticationResult: {
        AccessToken: issued.accessToken,
        ExpiresIn: issued.expiresIn,
        IdToken: issued.idToken,
        TokenType: 'Bearer',
      },
      ChallengeParameters: {},
    }
  }
}

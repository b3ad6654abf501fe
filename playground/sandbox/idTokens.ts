/**
 * The user pool's tokens: JWTs signed RS256 with a key pair generated when the sandbox starts (so
 * tokens of an earlier run no longer verify), shaped like Cognito's ID and access tokens, and
 * checked against the pool's JWKS as an identity pool checks a login.
 */
import { randomUUID } from 'node:crypto'
import type { JSONWebKeySet, JWTPayload } from 'jose'
import {
  calculateJwkThumbprint,
  createLocalJWKSet,
  errors,
  exportJWK,
  generateKeyPair,
  jwtVerify,
  SignJWT,
} from 'jose'

export interface TokenUser {
  username: string
  /** The user's stable id (a UUID), the tokens' `sub`. */
  sub: string
  email: string
}

export interface IssuedTokens {
  idToken: string
  accessToken: string
  /** Seconds until both tokens expire. */
  expiresIn: number
}

/** The ID token claims the identity pool uses. */
export interface IdTokenClaims extends JWTPayload {
  sub: string
  'cognito:username': string
  token_use: 'id'
}

/** A token the pool does not accept; `message` says why, as Cognito would. */
export class TokenRejected extends Error {}

export interface IdTokensOptions {
  /** The `iss` of every token, e.g. http://127.0.0.1:41234/us-east-1_Sandbox01. */
  issuer: string
  /** The app client id: the ID token's `aud`, the access token's `client_id`. */
  clientId: string
  ttlSeconds: number
}

type SigningKey = Awaited<ReturnType<typeof generateKeyPair>>['privateKey']

export class IdTokens {
  readonly #options: IdTokensOptions
  readonly #privateKey: SigningKey
  readonly #kid: string
  /** The public key set, as served at `<issuer>/.well-known/jwks.json`. */
  readonly jwks: JSONWebKeySet
  readonly #keySet: ReturnType<typeof createLocalJWKSet>

  private constructor(
    options: IdTokensOptions,
    privateKey: SigningKey,
    kid: string,
    jwks: JSONWebKeySet,
  ) {
    this.#options = options
    this.#privateKey = privateKey
    this.#kid = kid
    this.jwks = jwks
    this.#keySet = createLocalJWKSet(jwks)
  }

  /** Generates the RS256 key pair (2048 bits, as Cognito's). */
  static async create(options: IdTokensOptions): Promise<IdTokens> {
    const { privateKey, publicKey } = await generateKeyPair('RS256')
    const jwk = await exportJWK(publicKey)
    const kid = await calculateJwkThumbprint(jwk)
    return new IdTokens(options, privateKey, kid, {
      keys: [{ ...jwk, kid, alg: 'RS256', use: 'sig' }],
    })
  }

  get issuer(): string {
    return this.#options.issuer
  }

  async issue(user: TokenUser): Promise<IssuedTokens> {
    const now = Math.floor(Date.now() / 1000)
    const exp = now + this.#options.ttlSeconds
    const session = { origin_jti: randomUUID(), event_id: randomUUID(), auth_time: now }
    const sign = (claims: JWTPayload) =>
      new SignJWT(claims)
        .setProtectedHeader({ alg: 'RS256', kid: this.#kid })
        .setIssuer(this.#options.issuer)
        .setSubject(user.sub)
        .setIssuedAt(now)
        .setExpirationTime(exp)
        .setJti(randomUUID())
        .sign(this.#privateKey)
    const [idToken, accessToken] = await Promise.all([
      sign({
        ...session,
        aud: this.#options.clientId,
        token_use: 'id',
        'cognito:username': user.username,
        email: user.email,
        email_verified: true,
      }),
      sign({
        ...session,
        client_id: this.#options.clientId,
        token_use: 'access',
        scope: 'aws.cognito.signin.user.admin',
        username: user.username,
      }),
    ])
    return { idToken, accessToken, expiresIn: exp - now }
  }

  /**
   * Checks an ID token as an identity pool does: signature against the JWKS, issuer, audience
   * (the app client), expiry, `token_use: 'id'`. Throws TokenRejected.
   */
  async verify(token: string): Promise<IdTokenClaims> {
    let payload: JWTPayload
    try {
      ;({ payload } = await jwtVerify(token, this.#keySet, {
        issuer: this.#options.issuer,
        audience: this.#options.clientId,
        algorithms: ['RS256'],
        requiredClaims: ['sub', 'exp'],
      }))
    } catch (err) {
      throw new TokenRejected(rejection(err))
    }
    if (payload.token_use !== 'id' || typeof payload['cognito:username'] !== 'string') {
      throw new TokenRejected('Invalid login token. Not an ID token.')
    }
    return payload as IdTokenClaims
  }
}

function rejection(err: unknown): string {
  if (err instanceof errors.JWTExpired) {
    return `Invalid login token. Token expired: ${String(err.payload.exp)} < ${Math.floor(Date.now() / 1000)}`
  }
  if (err instanceof errors.JWTClaimValidationFailed) {
    if (err.claim === 'iss') return "Invalid login token. Issuer doesn't match providerName"
    if (err.claim === 'aud') return 'Invalid login token. Incorrect token audience.'
    return `Invalid login token. Invalid ${err.claim} claim.`
  }
  if (
    err instanceof errors.JWSSignatureVerificationFailed ||
    err instanceof errors.JWKSNoMatchingKey
  ) {
    return "Invalid login token. Couldn't verify signed token."
  }
  return 'Invalid login token. Not a valid OpenId Connect identity token.'
}

import { createRemoteJWKSet, decodeProtectedHeader, jwtVerify } from 'jose'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import type { Sandbox } from './startSandbox.js'
import { startSandbox } from './startSandbox.js'
import { awsJson, initiateAuth } from './test-support/cognito.js'
import { rawRequest } from './test-support/http.js'

const UUID = /^[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/

interface AuthenticationResult {
  IdToken: string
  AccessToken: string
  ExpiresIn: number
  TokenType: string
}

describe('user pool (InitiateAuth, USER_PASSWORD_AUTH)', () => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await startSandbox({ s3Port: 0, cognitoPort: 0, allowedOrigins: ['*'] })
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => {
    sandbox.reset()
  })

  it('exposes the pool, its client, issuer, Logins key and demo users', () => {
    expect(sandbox.userPoolId).toBe('us-east-1_Sandbox01')
    expect(sandbox.userPoolClientId).toBe('sandboxappclient0000000000')
    expect(sandbox.userPoolEndpoint).toBe(sandbox.cognitoEndpoint)
    expect(sandbox.userPoolIssuer).toBe(`${sandbox.cognitoEndpoint}/us-east-1_Sandbox01`)
    expect(sandbox.userPoolProviderName).toBe(
      'cognito-idp.us-east-1.amazonaws.com/us-east-1_Sandbox01',
    )
    expect(sandbox.demoUsers.map((user) => user.username)).toEqual(['alice', 'bob'])
  })

  it('signs a demo user in with Cognito-shaped tokens that verify against the served JWKS', async () => {
    const before = Math.floor(Date.now() / 1000)
    const answer = await initiateAuth(sandbox, 'alice', 'alice-password-1')
    expect(answer.status).toBe(200)
    expect(answer.body['ChallengeParameters']).toEqual({})
    const result = answer.body['AuthenticationResult'] as AuthenticationResult
    expect(result).toEqual({
      IdToken: expect.any(String),
      AccessToken: expect.any(String),
      ExpiresIn: 3600,
      TokenType: 'Bearer',
    })

    // Any OIDC verifier finds the keys from the issuer, as with Cognito.
    const jwks = createRemoteJWKSet(new URL(`${sandbox.userPoolIssuer}/.well-known/jwks.json`))
    const { payload, protectedHeader } = await jwtVerify(result.IdToken, jwks, {
      issuer: sandbox.userPoolIssuer,
      audience: sandbox.userPoolClientId,
      algorithms: ['RS256'],
    })
    expect(protectedHeader).toEqual({ alg: 'RS256', kid: expect.any(String) })
    expect(payload).toMatchObject({
      sub: expect.stringMatching(UUID),
      'cognito:username': 'alice',
      email: 'alice@example.com',
      token_use: 'id',
      aud: sandbox.userPoolClientId,
    })
    expect(payload.exp! - payload.iat!).toBe(3600)
    expect(payload.iat).toBeGreaterThanOrEqual(before)

    const access = await jwtVerify(result.AccessToken, jwks, { issuer: sandbox.userPoolIssuer })
    expect(access.payload).toMatchObject({
      sub: payload.sub,
      token_use: 'access',
      client_id: sandbox.userPoolClientId,
      username: 'alice',
    })

    // The same user has the same sub on every sign-in; bob has another one.
    const again = await initiateAuth(sandbox, 'ALICE', 'alice-password-1')
    const bob = await initiateAuth(sandbox, 'bob', 'bob-password-1')
    const subOf = (a: typeof answer) =>
      (
        JSON.parse(
          Buffer.from(
            (a.body['AuthenticationResult'] as AuthenticationResult).IdToken.split('.')[1]!,
            'base64url',
          ).toString(),
        ) as { sub: string }
      ).sub
    expect(subOf(again)).toBe(payload.sub)
    expect(subOf(bob)).not.toBe(payload.sub)
    expect(sandbox.stats().InitiateAuth).toBe(3)
  })

  it('serves the JWKS and an OpenID configuration under the issuer, with CORS', async () => {
    const jwks = await rawRequest(`${sandbox.userPoolIssuer}/.well-known/jwks.json`, {
      headers: { origin: 'http://localhost:5173' },
    })
    expect(jwks.status).toBe(200)
    expect(jwks.headers['access-control-allow-origin']).toBe('*')
    const { keys } = JSON.parse(jwks.body) as { keys: Record<string, string>[] }
    expect(keys).toEqual([
      {
        kty: 'RSA',
        n: expect.any(String),
        e: 'AQAB',
        kid: expect.any(String),
        alg: 'RS256',
        use: 'sig',
      },
    ])
    const answer = await initiateAuth(sandbox, 'bob', 'bob-password-1')
    const { IdToken } = answer.body['AuthenticationResult'] as AuthenticationResult
    expect(decodeProtectedHeader(IdToken).kid).toBe(keys[0]!['kid'])

    const discovery = await rawRequest(`${sandbox.userPoolIssuer}/.well-known/openid-configuration`)
    expect(JSON.parse(discovery.body)).toMatchObject({
      issuer: sandbox.userPoolIssuer,
      jwks_uri: `${sandbox.userPoolIssuer}/.well-known/jwks.json`,
    })
  })

  it('wrong password or unknown user → 400 NotAuthorizedException, the same answer', async () => {
    for (const [username, password] of [
      ['alice', 'bob-password-1'],
      ['mallory', 'alice-password-1'],
    ] as const) {
      const answer = await initiateAuth(sandbox, username, password)
      expect(answer.status).toBe(400)
      expect(answer.errorType).toMatch(/^NotAuthorizedException:/)
      expect(answer.body).toEqual({
        __type: 'NotAuthorizedException',
        message: 'Incorrect username or password.',
      })
    }
  })

  it('wrong ClientId → ResourceNotFoundException; other flows and missing parameters → InvalidParameterException', async () => {
    const wrongClient = await initiateAuth(sandbox, 'alice', 'alice-password-1', 'otherclient')
    expect(wrongClient.status).toBe(400)
    expect(wrongClient.body).toEqual({
      __type: 'ResourceNotFoundException',
      message: 'User pool client otherclient does not exist.',
    })

    const target = 'AWSCognitoIdentityProviderService.InitiateAuth'
    const srp = await awsJson(sandbox.userPoolEndpoint, target, {
      AuthFlow: 'USER_SRP_AUTH',
      ClientId: sandbox.userPoolClientId,
      AuthParameters: { USERNAME: 'alice', SRP_A: 'abc' },
    })
    expect(srp.body).toMatchObject({ __type: 'InvalidParameterException' })
    const noPassword = await awsJson(sandbox.userPoolEndpoint, target, {
      AuthFlow: 'USER_PASSWORD_AUTH',
      ClientId: sandbox.userPoolClientId,
      AuthParameters: { USERNAME: 'alice' },
    })
    expect(noPassword.body).toEqual({
      __type: 'InvalidParameterException',
      message: 'Missing required parameter PASSWORD',
    })
    const noFlow = await awsJson(sandbox.userPoolEndpoint, target, {
      ClientId: sandbox.userPoolClientId,
    })
    expect(noFlow.body).toMatchObject({ __type: 'InvalidParameterException' })

    const otherOperation = await awsJson(
      sandbox.userPoolEndpoint,
      'AWSCognitoIdentityProviderService.SignUp',
      {},
    )
    expect(otherOperation.body).toMatchObject({ __type: 'UnknownOperationException' })
    expect(sandbox.stats().InitiateAuth).toBe(4)
  })

  it('answers the browser SDK’s preflight for InitiateAuth', async () => {
    const preflight = await rawRequest(sandbox.userPoolEndpoint, {
      method: 'OPTIONS',
      headers: {
        origin: 'http://localhost:5173',
        'access-control-request-method': 'POST',
        'access-control-request-headers':
          'amz-sdk-invocation-id,amz-sdk-request,content-type,x-amz-target,x-amz-user-agent',
      },
    })
    expect(preflight.status).toBe(204)
    expect(preflight.headers['access-control-allow-origin']).toBe('*')
  })
})

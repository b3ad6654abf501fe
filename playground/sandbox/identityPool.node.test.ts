import {
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  NotAuthorizedException,
} from '@aws-sdk/client-cognito-identity'
import { decodeJwt, decodeProtectedHeader, generateKeyPair, SignJWT } from 'jose'
import { afterAll, beforeAll, describe, expect, it, vi } from 'vitest'
import type { Sandbox } from './startSandbox.js'
import { startSandbox } from './startSandbox.js'
import { cognitoClient, cognitoCredentials, signIn } from './test-support/cognito.js'

const start = (options: Parameters<typeof startSandbox>[0] = {}) =>
  startSandbox({ s3Port: 0, cognitoPort: 0, allowedOrigins: ['*'], ...options })

async function rejection(promise: Promise<unknown>): Promise<NotAuthorizedException> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(error).toBeInstanceOf(NotAuthorizedException)
  return error as NotAuthorizedException
}

describe('identity pool with user pool Logins', () => {
  let sandbox: Sandbox
  let alice: string
  let bob: string

  beforeAll(async () => {
    sandbox = await start()
    ;[alice, bob] = await Promise.all([signIn(sandbox, 'alice'), signIn(sandbox, 'bob')])
  })
  afterAll(async () => {
    await sandbox.close()
  })

  const logins = (token: string) => ({ [sandbox.userPoolProviderName]: token })

  async function getId(token?: string): Promise<string> {
    const cognito = cognitoClient(sandbox)
    try {
      const { IdentityId } = await cognito.send(
        new GetIdCommand({
          IdentityPoolId: sandbox.identityPoolId,
          ...(token === undefined ? {} : { Logins: logins(token) }),
        }),
      )
      return IdentityId!
    } finally {
      cognito.destroy()
    }
  }

  async function credentialsFor(identityId: string, token?: string) {
    const cognito = cognitoClient(sandbox)
    try {
      return await cognito.send(
        new GetCredentialsForIdentityCommand({
          IdentityId: identityId,
          ...(token === undefined ? {} : { Logins: logins(token) }),
        }),
      )
    } finally {
      cognito.destroy()
    }
  }

  it('GetId: one stable identity id per user, another for each user and for each guest', async () => {
    const aliceId = await getId(alice)
    expect(aliceId).toMatch(/^us-east-1:[0-9a-f-]{36}$/)
    expect(await getId(alice)).toBe(aliceId)
    // A new sign-in (new token) is the same user.
    expect(await getId(await signIn(sandbox, 'alice'))).toBe(aliceId)
    const bobId = await getId(bob)
    expect(bobId).not.toBe(aliceId)
    const guest = await getId()
    expect([aliceId, bobId]).not.toContain(guest)
    expect(await getId()).not.toBe(guest)
  })

  it('GetCredentialsForIdentity with Logins: authenticated-role credentials for that identity', async () => {
    const aliceId = await getId(alice)
    const result = await credentialsFor(aliceId, alice)
    expect(result.IdentityId).toBe(aliceId)
    const accessKeyId = result.Credentials!.AccessKeyId!
    expect(accessKeyId).toMatch(/^ASIA/)
    expect(sandbox.credentialIdentity(accessKeyId)).toEqual({
      identityId: aliceId,
      authenticated: true,
    })

    const guest = await getId()
    const guestKey = (await credentialsFor(guest)).Credentials!.AccessKeyId!
    expect(sandbox.credentialIdentity(guestKey)).toEqual({
      identityId: guest,
      authenticated: false,
    })
  })

  it('fromCognitoIdentityPool with logins resolves the user’s identity and credentials', async () => {
    const resolved = await cognitoCredentials(sandbox, alice)()
    expect(resolved.identityId).toBe(await getId(alice))
    expect(sandbox.credentialIdentity(resolved.accessKeyId)?.authenticated).toBe(true)
  })

  it('rejects forged and tampered tokens, and providers the pool does not know', async () => {
    // Same claims and key id, signed with another key.
    const { privateKey } = await generateKeyPair('RS256')
    const forged = await new SignJWT(decodeJwt(alice))
      .setProtectedHeader(decodeProtectedHeader(alice) as { alg: 'RS256'; kid: string })
      .sign(privateKey)
    const forgedError = await rejection(getId(forged))
    expect(forgedError.message).toBe("Invalid login token. Couldn't verify signed token.")
    expect(forgedError.$metadata.httpStatusCode).toBe(400)

    // Alice's signature over bob's claims.
    const [header, , signature] = alice.split('.')
    const tampered = `${header}.${bob.split('.')[1]}.${signature}`
    await rejection(getId(tampered))
    await rejection(getId('not-a-jwt'))

    const cognito = cognitoClient(sandbox)
    const unknownProvider = await rejection(
      cognito.send(
        new GetIdCommand({
          IdentityPoolId: sandbox.identityPoolId,
          Logins: { 'cognito-idp.us-east-1.amazonaws.com/us-east-1_Other': alice },
        }),
      ),
    )
    cognito.destroy()
    expect(unknownProvider.message).toBe(
      'Token is not from a supported provider of this identity pool.',
    )
  })

  it('does not link or merge: guest id + Logins, another user’s id, a user’s id without Logins', async () => {
    const aliceId = await getId(alice)
    const guest = await getId()
    const mismatch = await rejection(credentialsFor(guest, alice))
    expect(mismatch.message).toMatch(/^Logins don't match/)
    await rejection(credentialsFor(aliceId, bob))
    const noLogins = await rejection(credentialsFor(aliceId))
    expect(noLogins.message).toBe(`Access to Identity '${aliceId}' is forbidden.`)
  })

  it('a user keeps the identity id across sandbox restarts; old tokens stop verifying', async () => {
    const aliceId = await getId(alice)
    const next = await start()
    try {
      const cognito = cognitoClient(next)
      try {
        const { IdentityId } = await cognito.send(
          new GetIdCommand({
            IdentityPoolId: next.identityPoolId,
            Logins: { [next.userPoolProviderName]: await signIn(next, 'alice') },
          }),
        )
        expect(IdentityId).toBe(aliceId)
        // The restarted pool has a new key pair (and here a new issuer port).
        await rejection(
          cognito.send(
            new GetIdCommand({
              IdentityPoolId: next.identityPoolId,
              Logins: { [next.userPoolProviderName]: alice },
            }),
          ),
        )
      } finally {
        cognito.destroy()
      }
    } finally {
      await next.close()
    }
  })
})

describe('expired ID tokens', () => {
  it('are rejected with NotAuthorizedException once past exp', async () => {
    const sandbox = await start({ tokenTtlSeconds: 2 })
    const cognito = cognitoClient(sandbox)
    try {
      const token = await signIn(sandbox, 'bob')
      const { exp } = decodeJwt(token)
      const getId = () =>
        cognito.send(
          new GetIdCommand({
            IdentityPoolId: sandbox.identityPoolId,
            Logins: { [sandbox.userPoolProviderName]: token },
          }),
        )
      await expect(getId()).resolves.toMatchObject({ IdentityId: expect.any(String) })
      // Wait for the token's exp to pass (at most 2 s), then for the pool to say so.
      const error = await vi.waitFor(
        async () => {
          const err = await getId().then(
            () => undefined,
            (e: unknown) => e,
          )
          if (err === undefined) throw new Error('still accepted')
          return err
        },
        { timeout: 5000, interval: 100 },
      )
      expect(error).toBeInstanceOf(NotAuthorizedException)
      expect((error as Error).message).toMatch(/^Invalid login token\. Token expired: /)
      expect(Date.now() / 1000).toBeGreaterThanOrEqual(exp!)
    } finally {
      cognito.destroy()
      await sandbox.close()
    }
  })
})

import {
  CopyObjectCommand,
  DeleteObjectCommand,
  GetObjectCommand,
  HeadObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { afterAll, beforeAll, describe, expect, it } from 'vitest'
import type { S3Principal } from './s3Access.js'
import { isAllowed } from './s3Access.js'
import type { Sandbox } from './startSandbox.js'
import { SEED_OBJECTS, startSandbox } from './startSandbox.js'
import { cognitoCredentials, s3Client, signIn } from './test-support/cognito.js'
import { rawRequest } from './test-support/http.js'

async function s3Error(promise: Promise<unknown>): Promise<S3ServiceException> {
  const error = await promise.then(
    () => undefined,
    (err: unknown) => err,
  )
  expect(error).toBeInstanceOf(S3ServiceException)
  return error as S3ServiceException
}

describe('isAllowed (Amplify access levels)', () => {
  const id = 'us-east-1:11111111-1111-4111-8111-111111111111'
  const guest: S3Principal = { kind: 'identity', identityId: id, authenticated: false }
  const user: S3Principal = { kind: 'identity', identityId: id, authenticated: true }
  const allowed = (principal: S3Principal, method: string, url: string, headers = {}) =>
    isAllowed(principal, { method, url, headers })

  it('guests read public/ only; users also read and write private/<their id>/', () => {
    expect(allowed(guest, 'GET', '/b/public/a.txt')).toBe(true)
    expect(allowed(guest, 'HEAD', '/b/public/a.txt')).toBe(true)
    expect(allowed(guest, 'GET', '/b/?list-type=2&prefix=public%2F')).toBe(true)
    expect(allowed(guest, 'GET', '/b?prefix=public/images/&delimiter=/')).toBe(true)
    expect(allowed(guest, 'PUT', '/b/public/a.txt')).toBe(false)
    expect(allowed(guest, 'GET', `/b/private/${encodeURIComponent(id)}/a`)).toBe(false)
    expect(allowed(guest, 'GET', '/b/hello.txt')).toBe(false)
    expect(allowed(guest, 'GET', '/b?list-type=2')).toBe(false)

    const own = `/b/private/${encodeURIComponent(id)}/a.txt`
    for (const method of ['GET', 'HEAD', 'PUT', 'DELETE', 'POST']) {
      expect(allowed(user, method, own)).toBe(true)
    }
    expect(
      allowed(user, 'GET', `/b?list-type=2&prefix=private%2F${encodeURIComponent(id)}%2F`),
    ).toBe(true)
    expect(allowed(user, 'PUT', '/b/public/a.txt')).toBe(false)
    expect(allowed(user, 'GET', '/b/private/us-east-1:other/a.txt')).toBe(false)
    expect(allowed(user, 'GET', '/b?list-type=2&prefix=private%2F')).toBe(false)
  })

  it('refuses sub-resources, ListBuckets, DeleteObjects, dot segments and foreign copy sources', () => {
    const own = `private/${id}/`
    expect(allowed(user, 'GET', '/')).toBe(false)
    expect(allowed(user, 'GET', '/b?cors')).toBe(false)
    expect(allowed(user, 'POST', '/b?delete')).toBe(false)
    expect(allowed(user, 'PUT', `/b/${own}../other/x`)).toBe(false)
    expect(allowed(user, 'GET', `/b/public/%2E%2E/${own}x`)).toBe(false)
    expect(allowed(user, 'PUT', `/b/${own}copy`, { 'x-amz-copy-source': '/b/public/a.txt' })).toBe(
      true,
    )
    expect(allowed(user, 'PUT', `/b/${own}copy`, { 'x-amz-copy-source': 'b/private/x/a' })).toBe(
      false,
    )
    expect(allowed({ kind: 'owner' }, 'DELETE', '/b/hello.txt')).toBe(true)
  })
})

describe('S3 authorization by Cognito identity', () => {
  let sandbox: Sandbox
  let aliceToken: string
  let bobToken: string

  beforeAll(async () => {
    sandbox = await startSandbox({ s3Port: 0, cognitoPort: 0, allowedOrigins: ['*'] })
    ;[aliceToken, bobToken] = await Promise.all([signIn(sandbox, 'alice'), signIn(sandbox, 'bob')])
  })
  afterAll(async () => {
    await sandbox.close()
  })

  it('guests read and list public/ (the seed objects), but write nothing and list nothing else', async () => {
    const s3 = s3Client(sandbox, cognitoCredentials(sandbox))
    try {
      const listing = await s3.send(
        new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' }),
      )
      expect(listing.Contents?.map((o) => o.Key).sort()).toEqual(
        SEED_OBJECTS.map((o) => o.key).sort(),
      )
      const hello = await s3.send(
        new GetObjectCommand({ Bucket: sandbox.bucket, Key: 'public/hello.txt' }),
      )
      expect(await hello.Body?.transformToString()).toBe(
        'Hello from the aws-client-cache sandbox!\n',
      )

      const write = await s3Error(
        s3.send(new PutObjectCommand({ Bucket: sandbox.bucket, Key: 'public/x', Body: 'x' })),
      )
      expect(write.name).toBe('AccessDenied')
      expect(write.$metadata.httpStatusCode).toBe(403)
      expect(
        (await s3Error(s3.send(new ListObjectsV2Command({ Bucket: sandbox.bucket })))).name,
      ).toBe('AccessDenied')
      expect(
        (
          await s3Error(
            s3.send(new DeleteObjectCommand({ Bucket: sandbox.bucket, Key: 'public/hello.txt' })),
          )
        ).name,
      ).toBe('AccessDenied')
    } finally {
      s3.destroy()
    }
  })

  it('alice writes private/<aliceId>/; bob and guests get AccessDenied there', async () => {
    const aliceCredentials = cognitoCredentials(sandbox, aliceToken)
    const aliceId = (await aliceCredentials()).identityId
    const alice = s3Client(sandbox, aliceCredentials)
    const bob = s3Client(sandbox, cognitoCredentials(sandbox, bobToken))
    const guest = s3Client(sandbox, cognitoCredentials(sandbox))
    const key = `private/${aliceId}/x`
    try {
      await alice.send(new PutObjectCommand({ Bucket: sandbox.bucket, Key: key, Body: 'alice' }))
      const read = await alice.send(new GetObjectCommand({ Bucket: sandbox.bucket, Key: key }))
      expect(await read.Body?.transformToString()).toBe('alice')
      const own = await alice.send(
        new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: `private/${aliceId}/` }),
      )
      expect(own.Contents?.map((o) => o.Key)).toEqual([key])
      // Copy from public/ into her own space.
      await alice.send(
        new CopyObjectCommand({
          Bucket: sandbox.bucket,
          Key: `private/${aliceId}/hello-copy.txt`,
          CopySource: `${sandbox.bucket}/public/hello.txt`,
        }),
      )
      await alice.send(
        new HeadObjectCommand({ Bucket: sandbox.bucket, Key: `private/${aliceId}/hello-copy.txt` }),
      )
      expect(
        (
          await s3Error(
            alice.send(
              new PutObjectCommand({ Bucket: sandbox.bucket, Key: 'public/a', Body: 'a' }),
            ),
          )
        ).name,
      ).toBe('AccessDenied')

      for (const other of [bob, guest]) {
        const denied = await s3Error(
          other.send(new GetObjectCommand({ Bucket: sandbox.bucket, Key: key })),
        )
        expect(denied.name).toBe('AccessDenied')
        expect(denied.$metadata.httpStatusCode).toBe(403)
        expect(
          (
            await s3Error(
              other.send(
                new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: `private/${aliceId}/` }),
              ),
            )
          ).name,
        ).toBe('AccessDenied')
      }
      const bobWrites = await s3Error(
        bob.send(new PutObjectCommand({ Bucket: sandbox.bucket, Key: key, Body: 'bob' })),
      )
      expect(bobWrites.name).toBe('AccessDenied')
      await alice.send(new DeleteObjectCommand({ Bucket: sandbox.bucket, Key: key }))
    } finally {
      alice.destroy()
      bob.destroy()
      guest.destroy()
    }
  })

  it('AccessDenied is S3’s XML error (403), readable by a browser (CORS headers)', async () => {
    const s3 = s3Client(sandbox, await cognitoCredentials(sandbox)())
    let corsOrigin: string | undefined
    s3.middlewareStack.add(
      (next) => async (args) => {
        const request = args.request as { headers: Record<string, string> }
        request.headers['origin'] = 'http://localhost:5173'
        return next(args)
      },
      { step: 'build', name: 'addOrigin' },
    )
    // Below the deserializer: sees the raw response before it becomes an exception.
    s3.middlewareStack.add(
      (next) => async (args) => {
        const result = await next(args)
        const response = result.response as { headers: Record<string, string> }
        corsOrigin = response.headers['access-control-allow-origin']
        return result
      },
      { step: 'deserialize', name: 'readCors', priority: 'low' },
    )
    try {
      const error = await s3Error(
        s3.send(new GetObjectCommand({ Bucket: sandbox.bucket, Key: 'secret.txt' })),
      )
      expect(error.name).toBe('AccessDenied')
      expect(error.message).toBe('Access Denied')
      expect(error.$metadata.httpStatusCode).toBe(403)
      expect(corsOrigin).toBe('*')
    } finally {
      s3.destroy()
    }
  })

  it('counts S3 requests per identity id; reset zeroes them', async () => {
    sandbox.reset()
    // Resolved once each: every call of a guest provider without an identity cache is a new guest.
    const aliceCredentials = await cognitoCredentials(sandbox, aliceToken)()
    const guestCredentials = await cognitoCredentials(sandbox)()
    const [aliceId, guestId] = [aliceCredentials.identityId, guestCredentials.identityId]
    const alice = s3Client(sandbox, aliceCredentials)
    const guest = s3Client(sandbox, guestCredentials)
    try {
      const list = (client: typeof alice) =>
        client.send(new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' }))
      await list(alice)
      await list(alice)
      await list(guest)
      await s3Error(guest.send(new ListObjectsV2Command({ Bucket: sandbox.bucket })))
      await rawRequest(`${sandbox.s3Endpoint}/${sandbox.bucket}/public/hello.txt`)
      const stats = sandbox.stats()
      expect(stats.s3Requests).toBe(5)
      expect(stats.s3RequestsByIdentity).toStrictEqual({ [aliceId]: 2, [guestId]: 2 })

      const served = await rawRequest(`${sandbox.cognitoEndpoint}/__sandbox/stats`)
      expect(JSON.parse(served.body)).toMatchObject({
        s3RequestsByIdentity: { [aliceId]: 2, [guestId]: 2 },
      })
      sandbox.reset()
      expect(sandbox.stats().s3RequestsByIdentity).toStrictEqual({})
    } finally {
      alice.destroy()
      guest.destroy()
    }
  })

  it('POST /__sandbox/revoke: S3 answers ExpiredToken, then new credentials work', async () => {
    const provider = cognitoCredentials(sandbox, aliceToken)
    const first = await provider()
    // A client that keeps the credentials it was given, as an SDK client does until near expiry.
    const kept = s3Client(sandbox, first)
    const list = (client: typeof kept) =>
      client.send(new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' }))
    try {
      await list(kept)
      const revoked = await rawRequest(`${sandbox.cognitoEndpoint}/__sandbox/revoke`, {
        method: 'POST',
      })
      expect(revoked.status).toBe(200)
      expect(JSON.parse(revoked.body)).toEqual({ revoked: expect.any(Number) })
      expect((JSON.parse(revoked.body) as { revoked: number }).revoked).toBeGreaterThanOrEqual(1)
      await sandbox.whenRevoked(first.accessKeyId)

      const expired = await s3Error(list(kept))
      expect(expired.name).toBe('ExpiredToken')
      expect(expired.$metadata.httpStatusCode).toBe(400)

      const second = await provider()
      expect(second.accessKeyId).not.toBe(first.accessKeyId)
      expect(second.identityId).toBe(first.identityId)
      const fresh = s3Client(sandbox, second)
      try {
        expect((await list(fresh)).KeyCount).toBe(SEED_OBJECTS.length)
      } finally {
        fresh.destroy()
      }
      expect(sandbox.revoke()).toBe(1)
    } finally {
      kept.destroy()
    }
  })
})

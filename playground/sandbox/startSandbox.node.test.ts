import { existsSync } from 'node:fs'
import { createServer } from 'node:http'
import type { AddressInfo } from 'node:net'
import {
  CognitoIdentityClient,
  GetCredentialsForIdentityCommand,
  GetIdCommand,
  InvalidParameterException,
  NotAuthorizedException,
  ResourceNotFoundException,
} from '@aws-sdk/client-cognito-identity'
import {
  GetObjectCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { afterAll, beforeAll, beforeEach, describe, expect, it } from 'vitest'
import { AWSAccounts } from './s3rver.js'
import type { Sandbox } from './startSandbox.js'
import { SEED_OBJECTS, sandboxMiddleware, startSandbox } from './startSandbox.js'
import { cognitoCredentials, signIn } from './test-support/cognito.js'
import { freePort, isListening, rawRequest } from './test-support/http.js'

const ORIGIN = 'http://localhost:5173'

const NO_IDENTITY_CACHE = {
  getItem: () => null,
  setItem: () => undefined,
  removeItem: () => undefined,
}

interface AwsCredentialIdentity {
  accessKeyId: string
  secretAccessKey: string
  sessionToken?: string
  expiration?: Date
}

/** The counters, with no InitiateAuth, and S3 requests by whichever identities made them. */
const counts = (GetId: number, GetCredentialsForIdentity: number, s3Requests: number) => ({
  GetId,
  GetCredentialsForIdentity,
  InitiateAuth: 0,
  s3Requests,
  s3RequestsByIdentity: expect.any(Object),
})

/** Free ports regardless of SANDBOX_* variables in the developer's environment. */
const start = (options: Parameters<typeof startSandbox>[0] = {}) =>
  startSandbox({ s3Port: 0, cognitoPort: 0, allowedOrigins: ['*'], ...options })

function cognitoClient(sandbox: Sandbox): CognitoIdentityClient {
  return new CognitoIdentityClient({ region: sandbox.region, endpoint: sandbox.cognitoEndpoint })
}

function s3Client(
  sandbox: Sandbox,
  credentials: S3Client['config']['credentials'] | AwsCredentialIdentity,
): S3Client {
  return new S3Client({
    region: sandbox.region,
    endpoint: sandbox.s3Endpoint,
    forcePathStyle: true,
    credentials,
  })
}

async function issueCredentials(sandbox: Sandbox): Promise<AwsCredentialIdentity> {
  const cognito = cognitoClient(sandbox)
  try {
    const { IdentityId } = await cognito.send(
      new GetIdCommand({ IdentityPoolId: sandbox.identityPoolId }),
    )
    const { Credentials } = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }))
    return {
      accessKeyId: Credentials!.AccessKeyId!,
      secretAccessKey: Credentials!.SecretKey!,
      sessionToken: Credentials!.SessionToken!,
      expiration: Credentials!.Expiration!,
    }
  } finally {
    cognito.destroy()
  }
}

async function s3Error(promise: Promise<unknown>): Promise<S3ServiceException> {
  try {
    await promise
  } catch (err) {
    expect(err).toBeInstanceOf(S3ServiceException)
    return err as S3ServiceException
  }
  throw new Error('expected the S3 request to fail')
}

function cognitoPost(sandbox: Sandbox, target: string, body: string, contentType?: string) {
  return rawRequest(sandbox.cognitoEndpoint, {
    method: 'POST',
    headers: {
      'content-type': contentType ?? 'application/x-amz-json-1.1',
      'x-amz-target': `AWSCognitoIdentityService.${target}`,
    },
    body,
  })
}

describe('sandbox', () => {
  let sandbox: Sandbox

  beforeAll(async () => {
    sandbox = await start()
  })
  afterAll(async () => {
    await sandbox.close()
  })
  beforeEach(() => {
    sandbox.reset()
  })

  it('listens on 127.0.0.1 and uses the defaults', () => {
    expect(sandbox.s3Endpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.cognitoEndpoint).toMatch(/^http:\/\/127\.0\.0\.1:\d+$/)
    expect(sandbox.region).toBe('us-east-1')
    expect(sandbox.identityPoolId).toBe('us-east-1:00000000-0000-4000-8000-000000000000')
    expect(sandbox.bucket).toBe('aws-client-cache-demo')
    expect(sandbox.credentialTtlSeconds).toBe(900)
    expect(sandbox.stats()).toEqual(counts(0, 0, 0))
  })

  describe('Cognito Identity', () => {
    it('GetId and GetCredentialsForIdentity issue temporary credentials, and are counted', async () => {
      const cognito = cognitoClient(sandbox)
      try {
        const before = Date.now()
        const { IdentityId } = await cognito.send(
          new GetIdCommand({ IdentityPoolId: sandbox.identityPoolId }),
        )
        expect(IdentityId).toMatch(
          /^us-east-1:[0-9a-f]{8}-[0-9a-f]{4}-4[0-9a-f]{3}-[89ab][0-9a-f]{3}-[0-9a-f]{12}$/,
        )
        const result = await cognito.send(new GetCredentialsForIdentityCommand({ IdentityId }))
        expect(result.IdentityId).toBe(IdentityId)
        expect(result.$metadata.requestId).toMatch(/^[0-9a-f-]{36}$/)
        const credentials = result.Credentials!
        expect(credentials.AccessKeyId).toMatch(/^ASIA[A-Z2-7]{16}$/)
        expect(credentials.SecretKey).toHaveLength(40)
        expect(credentials.SessionToken?.length).toBeGreaterThan(100)
        const expiresIn = credentials.Expiration!.getTime() - before
        expect(expiresIn).toBeGreaterThan(899_000)
        expect(expiresIn).toBeLessThan(905_000)
        expect(AWSAccounts.registry.has(credentials.AccessKeyId!)).toBe(true)
        expect(sandbox.stats()).toEqual(counts(1, 1, 0))
      } finally {
        cognito.destroy()
      }
    })

    it('answers Expiration as epoch seconds in the JSON body', async () => {
      const { body: idBody } = await cognitoPost(
        sandbox,
        'GetId',
        JSON.stringify({ IdentityPoolId: sandbox.identityPoolId }),
      )
      const { IdentityId } = JSON.parse(idBody) as { IdentityId: string }
      const res = await cognitoPost(
        sandbox,
        'GetCredentialsForIdentity',
        JSON.stringify({ IdentityId }),
      )
      expect(res.status).toBe(200)
      expect(res.headers['content-type']).toBe('application/x-amz-json-1.1')
      const { Credentials } = JSON.parse(res.body) as { Credentials: { Expiration: unknown } }
      expect(typeof Credentials.Expiration).toBe('number')
      expect(Credentials.Expiration).toBeCloseTo(Date.now() / 1000 + 900, -1)
    })

    it('unknown identity pool → ResourceNotFoundException through the SDK', async () => {
      const cognito = cognitoClient(sandbox)
      try {
        const error = await cognito
          .send(
            new GetIdCommand({ IdentityPoolId: 'us-east-1:11111111-1111-4111-8111-111111111111' }),
          )
          .catch((err: unknown) => err)
        expect(error).toBeInstanceOf(ResourceNotFoundException)
        expect((error as ResourceNotFoundException).message).toBe(
          "IdentityPool 'us-east-1:11111111-1111-4111-8111-111111111111' not found.",
        )
        expect((error as ResourceNotFoundException).$metadata.httpStatusCode).toBe(400)
        expect(sandbox.stats().GetId).toBe(1)
      } finally {
        cognito.destroy()
      }
    })

    it('unknown pool via fromCognitoIdentityPool fails the S3 call with ResourceNotFoundException', async () => {
      const s3 = s3Client(
        sandbox,
        fromCognitoIdentityPool({
          identityPoolId: 'us-east-1:22222222-2222-4222-8222-222222222222',
          clientConfig: { endpoint: sandbox.cognitoEndpoint, region: sandbox.region },
        }),
      )
      try {
        await expect(
          s3.send(new ListObjectsV2Command({ Bucket: sandbox.bucket })),
        ).rejects.toBeInstanceOf(ResourceNotFoundException)
        expect(sandbox.stats()).toEqual(counts(1, 0, 0))
      } finally {
        s3.destroy()
      }
    })

    it('an identity id the pool never issued → ResourceNotFoundException', async () => {
      const cognito = cognitoClient(sandbox)
      try {
        await expect(
          cognito.send(
            new GetCredentialsForIdentityCommand({
              IdentityId: 'us-east-1:33333333-3333-4333-8333-333333333333',
            }),
          ),
        ).rejects.toBeInstanceOf(ResourceNotFoundException)
      } finally {
        cognito.destroy()
      }
    })

    it('logins of a provider the pool does not know → NotAuthorizedException', async () => {
      const cognito = cognitoClient(sandbox)
      try {
        await expect(
          cognito.send(
            new GetIdCommand({
              IdentityPoolId: sandbox.identityPoolId,
              Logins: { 'accounts.google.com': 'token' },
            }),
          ),
        ).rejects.toBeInstanceOf(NotAuthorizedException)
      } finally {
        cognito.destroy()
      }
    })

    it('a missing required member → InvalidParameterException through the SDK', async () => {
      const cognito = cognitoClient(sandbox)
      try {
        await expect(
          cognito.send(new GetIdCommand({} as ConstructorParameters<typeof GetIdCommand>[0])),
        ).rejects.toBeInstanceOf(InvalidParameterException)
      } finally {
        cognito.destroy()
      }
    })

    it('malformed bodies → SerializationException / InvalidParameterException, shaped like AWS', async () => {
      const notJson = await cognitoPost(sandbox, 'GetId', '{"IdentityPoolId": ')
      expect(notJson.status).toBe(400)
      expect(notJson.headers['x-amzn-errortype']).toMatch(/^SerializationException:/)
      expect(JSON.parse(notJson.body)).toEqual({
        __type: 'SerializationException',
        message: expect.any(String),
      })

      const notAnObject = await cognitoPost(sandbox, 'GetId', '[1, 2]')
      expect(JSON.parse(notAnObject.body)).toMatchObject({ __type: 'SerializationException' })

      const wrongType = await cognitoPost(sandbox, 'GetId', '{"IdentityPoolId": 42}')
      expect(JSON.parse(wrongType.body)).toMatchObject({ __type: 'SerializationException' })

      const wrongContentType = await cognitoPost(
        sandbox,
        'GetId',
        JSON.stringify({ IdentityPoolId: sandbox.identityPoolId }),
        'text/plain',
      )
      expect(JSON.parse(wrongContentType.body)).toMatchObject({ __type: 'SerializationException' })

      const badPattern = await cognitoPost(sandbox, 'GetId', '{"IdentityPoolId": "not a pool"}')
      expect(badPattern.status).toBe(400)
      expect(badPattern.headers['x-amzn-errortype']).toMatch(/^InvalidParameterException:/)
      expect(JSON.parse(badPattern.body)).toMatchObject({ __type: 'InvalidParameterException' })

      const empty = await cognitoPost(sandbox, 'GetCredentialsForIdentity', '')
      expect(JSON.parse(empty.body)).toMatchObject({ __type: 'InvalidParameterException' })

      expect(sandbox.stats()).toEqual(counts(5, 1, 0))
    })

    it('unknown or missing X-Amz-Target → UnknownOperationException, not counted', async () => {
      const unknown = await cognitoPost(sandbox, 'ListIdentityPools', '{}')
      expect(unknown.status).toBe(400)
      expect(JSON.parse(unknown.body)).toMatchObject({ __type: 'UnknownOperationException' })
      const missing = await rawRequest(sandbox.cognitoEndpoint, { method: 'POST', body: '{}' })
      expect(JSON.parse(missing.body)).toMatchObject({ __type: 'UnknownOperationException' })
      expect(sandbox.stats()).toEqual(counts(0, 0, 0))
    })
  })

  describe('S3', () => {
    it('lists and reads the seeded bucket with Cognito credentials; requests are counted', async () => {
      const s3 = s3Client(
        sandbox,
        fromCognitoIdentityPool({
          identityPoolId: sandbox.identityPoolId,
          clientConfig: { endpoint: sandbox.cognitoEndpoint, region: sandbox.region },
          // The SDK otherwise keeps the identity id in a process-wide store (IndexedDB in a
          // browser), so GetId would only be called once per process.
          cache: NO_IDENTITY_CACHE,
        }),
      )
      try {
        const listing = await s3.send(
          new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' }),
        )
        expect(listing.Contents?.map((object) => object.Key).sort()).toEqual(
          SEED_OBJECTS.map((object) => object.key).sort(),
        )
        expect(sandbox.stats()).toEqual(counts(1, 1, 1))

        const text = await s3.send(
          new GetObjectCommand({ Bucket: sandbox.bucket, Key: 'public/hello.txt' }),
        )
        expect(await text.Body?.transformToString()).toBe(
          'Hello from the aws-client-cache sandbox!\n',
        )
        expect(text.ContentType).toBe('text/plain; charset=utf-8')
        expect(text.ETag).toMatch(/^"[0-9a-f]{32}"$/)

        const png = await s3.send(
          new GetObjectCommand({ Bucket: sandbox.bucket, Key: 'public/images/gradient.png' }),
        )
        const bytes = Buffer.from((await png.Body?.transformToByteArray()) ?? [])
        expect(png.ContentType).toBe('image/png')
        expect(bytes.subarray(0, 8)).toEqual(Buffer.from([137, 80, 78, 71, 13, 10, 26, 10]))
        expect(bytes.subarray(12, 16).toString('latin1')).toBe('IHDR')
        expect(bytes).toEqual(
          SEED_OBJECTS.find((o) => o.key === 'public/images/gradient.png')?.body,
        )

        expect(sandbox.stats().s3Requests).toBe(3)

        // Truncated listings page with continuation tokens (s3rver's DES tokens, made to work
        // on OpenSSL 3 by the sandbox).
        const paged: string[] = []
        let ContinuationToken: string | undefined
        do {
          const page = await s3.send(
            new ListObjectsV2Command({
              Bucket: sandbox.bucket,
              Prefix: 'public/',
              MaxKeys: 1,
              ContinuationToken,
            }),
          )
          paged.push(...(page.Contents ?? []).map((object) => object.Key!))
          ContinuationToken = page.NextContinuationToken
        } while (ContinuationToken)
        expect(paged.sort()).toEqual(SEED_OBJECTS.map((object) => object.key).sort())
      } finally {
        s3.destroy()
      }
    })

    it('works without forcePathStyle (the SDK uses path style for an IP endpoint)', async () => {
      const s3 = new S3Client({
        region: sandbox.region,
        endpoint: sandbox.s3Endpoint,
        credentials: await issueCredentials(sandbox),
      })
      try {
        const listing = await s3.send(
          new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' }),
        )
        expect(listing.KeyCount).toBe(SEED_OBJECTS.length)
      } finally {
        s3.destroy()
      }
    })

    it('accepts uploads signed with a user’s credentials (checksums, keys needing encoding)', async () => {
      const credentials = await cognitoCredentials(sandbox, await signIn(sandbox, 'alice'))()
      const s3 = s3Client(sandbox, credentials)
      try {
        const folder = `private/${credentials.identityId}/uploads/`
        const key = `${folder}a file (1)+it's ünïcode.txt`
        await s3.send(
          new PutObjectCommand({
            Bucket: sandbox.bucket,
            Key: key,
            Body: 'uploaded body',
            ContentType: 'text/plain',
          }),
        )
        const object = await s3.send(new GetObjectCommand({ Bucket: sandbox.bucket, Key: key }))
        expect(await object.Body?.transformToString()).toBe('uploaded body')
        const listing = await s3.send(
          new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: folder, MaxKeys: 10 }),
        )
        expect(listing.Contents?.map((o) => o.Key)).toEqual([key])
      } finally {
        s3.destroy()
      }
    })

    it("verifies SigV4 against the key's secret and the session token like S3", async () => {
      const credentials = await issueCredentials(sandbox)
      const list = async (creds: AwsCredentialIdentity) => {
        const s3 = s3Client(sandbox, creds)
        try {
          return await s3Error(s3.send(new ListObjectsV2Command({ Bucket: sandbox.bucket })))
        } finally {
          s3.destroy()
        }
      }

      const wrongSecret = await list({ ...credentials, secretAccessKey: 'x'.repeat(40) })
      expect(wrongSecret.name).toBe('SignatureDoesNotMatch')
      expect(wrongSecret.$metadata.httpStatusCode).toBe(403)

      const noToken = await list({ ...credentials, sessionToken: undefined })
      expect(noToken.name).toBe('InvalidAccessKeyId')
      expect(noToken.$metadata.httpStatusCode).toBe(403)

      const wrongToken = await list({ ...credentials, sessionToken: 'not-the-token' })
      expect(wrongToken.name).toBe('InvalidToken')
      expect(wrongToken.$metadata.httpStatusCode).toBe(400)

      const unknownKey = await list({ accessKeyId: 'ASIAUNKNOWNUNKNOWN00', secretAccessKey: 'x' })
      expect(unknownKey.name).toBe('InvalidAccessKeyId')
    })

    it("still accepts s3rver's default key pair (S3RVER / S3RVER), with its signature checked", async () => {
      const good = s3Client(sandbox, { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' })
      const bad = s3Client(sandbox, { accessKeyId: 'S3RVER', secretAccessKey: 'wrong' })
      try {
        const listing = await good.send(new ListObjectsV2Command({ Bucket: sandbox.bucket }))
        expect(listing.KeyCount).toBeGreaterThan(0)
        const error = await s3Error(bad.send(new ListObjectsV2Command({ Bucket: sandbox.bucket })))
        expect(error.name).toBe('SignatureDoesNotMatch')
      } finally {
        good.destroy()
        bad.destroy()
      }
    })

    it('refuses anonymous requests (a private bucket) and counts them', async () => {
      const res = await rawRequest(`${sandbox.s3Endpoint}/${sandbox.bucket}/hello.txt`)
      expect(res.status).toBe(403)
      expect(res.body).toContain('<Code>AccessDenied</Code>')
      expect(sandbox.stats().s3Requests).toBe(1)
    })
  })

  describe('CORS', () => {
    const sdkHeaders = [
      'amz-sdk-invocation-id',
      'amz-sdk-request',
      'authorization',
      'content-type',
      'x-amz-content-sha256',
      'x-amz-date',
      'x-amz-security-token',
      'x-amz-user-agent',
      'x-amz-checksum-crc32',
    ].join(',')

    it('S3 answers preflights for the SDK headers (not counted)', async () => {
      const res = await rawRequest(`${sandbox.s3Endpoint}/${sandbox.bucket}/hello.txt`, {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'PUT',
          'access-control-request-headers': sdkHeaders,
        },
      })
      expect(res.status).toBe(200)
      expect(res.headers['access-control-allow-origin']).toBe('*')
      expect(res.headers['access-control-allow-methods']).toContain('PUT')
      expect(res.headers['access-control-allow-headers']?.split(', ').sort()).toEqual(
        sdkHeaders.split(',').sort(),
      )
      expect(sandbox.stats().s3Requests).toBe(0)
    })

    it('S3 exposes ETag etc. on responses, and CORS headers on its errors', async () => {
      const s3 = s3Client(sandbox, await issueCredentials(sandbox))
      s3.middlewareStack.add(
        (next) => async (args) => {
          const request = args.request as { headers: Record<string, string> }
          request.headers['origin'] = ORIGIN
          return next(args)
        },
        { step: 'build', name: 'addOrigin' },
      )
      let exposed: string | undefined
      s3.middlewareStack.add(
        (next) => async (args) => {
          const result = await next(args)
          const response = result.response as { headers: Record<string, string> }
          exposed = response.headers['access-control-expose-headers']
          return result
        },
        { step: 'deserialize', name: 'readCors' },
      )
      try {
        await s3.send(new GetObjectCommand({ Bucket: sandbox.bucket, Key: 'public/hello.txt' }))
        expect(exposed?.split(', ')).toEqual(
          expect.arrayContaining(['ETag', 'Content-Length', 'x-amz-request-id']),
        )
      } finally {
        s3.destroy()
      }

      const anonymous = await rawRequest(`${sandbox.s3Endpoint}/${sandbox.bucket}`, {
        headers: { origin: ORIGIN },
      })
      expect(anonymous.status).toBe(403)
      expect(anonymous.headers['access-control-allow-origin']).toBe('*')
    })

    it('Cognito answers preflights and exposes its error headers', async () => {
      const preflight = await rawRequest(sandbox.cognitoEndpoint, {
        method: 'OPTIONS',
        headers: {
          origin: ORIGIN,
          'access-control-request-method': 'POST',
          'access-control-request-headers':
            'amz-sdk-invocation-id,amz-sdk-request,content-type,x-amz-target,x-amz-user-agent',
        },
      })
      expect(preflight.status).toBe(204)
      expect(preflight.headers['access-control-allow-origin']).toBe('*')
      expect(preflight.headers['access-control-allow-methods']).toContain('POST')
      expect(preflight.headers['access-control-allow-headers']).toBe(
        'amz-sdk-invocation-id, amz-sdk-request, content-type, x-amz-target, x-amz-user-agent',
      )

      const error = await rawRequest(sandbox.cognitoEndpoint, {
        method: 'POST',
        headers: {
          origin: ORIGIN,
          'content-type': 'application/x-amz-json-1.1',
          'x-amz-target': 'AWSCognitoIdentityService.GetId',
        },
        body: '{',
      })
      expect(error.headers['access-control-allow-origin']).toBe('*')
      expect(error.headers['access-control-expose-headers']).toContain('x-amzn-errortype')
      expect(sandbox.stats()).toEqual(counts(1, 0, 0))
    })
  })

  describe('stats and reset', () => {
    it('GET /__sandbox/stats returns exactly the counters; POST /__sandbox/reset zeroes them', async () => {
      await issueCredentials(sandbox)
      await rawRequest(`${sandbox.s3Endpoint}/${sandbox.bucket}`)
      const stats = await rawRequest(`${sandbox.cognitoEndpoint}/__sandbox/stats`)
      expect(stats.status).toBe(200)
      expect(stats.headers['content-type']).toBe('application/json')
      expect(JSON.parse(stats.body)).toStrictEqual({
        GetId: 1,
        GetCredentialsForIdentity: 1,
        InitiateAuth: 0,
        s3Requests: 1,
        s3RequestsByIdentity: {},
      })

      const reset = await rawRequest(`${sandbox.cognitoEndpoint}/__sandbox/reset`, {
        method: 'POST',
      })
      expect(reset.status).toBe(204)
      expect(sandbox.stats()).toStrictEqual({
        GetId: 0,
        GetCredentialsForIdentity: 0,
        InitiateAuth: 0,
        s3Requests: 0,
        s3RequestsByIdentity: {},
      })

      const wrongMethod = await rawRequest(`${sandbox.cognitoEndpoint}/__sandbox/reset`)
      expect(wrongMethod.status).toBe(405)
    })

    it('sandboxMiddleware serves the same routes and passes others on', async () => {
      await issueCredentials(sandbox)
      const server = createServer((req, res) =>
        sandboxMiddleware(sandbox)(req, res, () => {
          res.statusCode = 418
          res.end()
        }),
      )
      await new Promise<void>((resolve) => server.listen(0, '127.0.0.1', resolve))
      const base = `http://127.0.0.1:${(server.address() as AddressInfo).port}`
      try {
        const stats = await rawRequest(`${base}/__sandbox/stats?ts=1`)
        expect(JSON.parse(stats.body)).toStrictEqual({
          GetId: 1,
          GetCredentialsForIdentity: 1,
          InitiateAuth: 0,
          s3Requests: 0,
          s3RequestsByIdentity: {},
        })
        expect((await rawRequest(`${base}/__sandbox/reset`, { method: 'POST' })).status).toBe(204)
        expect(sandbox.stats()).toStrictEqual({
          GetId: 0,
          GetCredentialsForIdentity: 0,
          InitiateAuth: 0,
          s3Requests: 0,
          s3RequestsByIdentity: {},
        })
        expect((await rawRequest(`${base}/other`)).status).toBe(418)
      } finally {
        await new Promise((resolve) => server.close(resolve))
      }
    })
  })
})

describe('credential expiry', () => {
  it('revokes issued credentials at expiry; S3 then answers ExpiredToken', async () => {
    const sandbox = await start({ credentialTtlSeconds: 1 })
    try {
      const credentials = await issueCredentials(sandbox)
      expect(credentials.expiration!.getTime() - Date.now()).toBeLessThanOrEqual(1000)
      const s3 = s3Client(sandbox, credentials)
      try {
        const listing = await s3.send(
          new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' }),
        )
        expect(listing.KeyCount).toBe(SEED_OBJECTS.length)

        await sandbox.whenRevoked(credentials.accessKeyId)
        expect(Date.now()).toBeGreaterThanOrEqual(credentials.expiration!.getTime())
        // Still known to s3rver (a request admitted just before must not get InvalidAccessKeyId
        // from its own lookup); the sandbox answers ExpiredToken before s3rver sees the request.
        expect(AWSAccounts.registry.has(credentials.accessKeyId)).toBe(true)

        const error = await s3Error(
          s3.send(new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' })),
        )
        expect(error.name).toBe('ExpiredToken')
        expect(error.message).toBe('The provided token has expired.')
        expect(error.$metadata.httpStatusCode).toBe(400)
        expect(sandbox.stats().s3Requests).toBe(2)

        // Signature V2 with the revoked key: refused the same way (s3rver still knows the key).
        const v2 = await fetch(`${sandbox.s3Endpoint}/${sandbox.bucket}/public/hello.txt`, {
          headers: { authorization: `AWS ${credentials.accessKeyId}:c2lnbmF0dXJl` },
        })
        expect(v2.status).toBe(400)
        expect(await v2.text()).toContain('<Code>ExpiredToken</Code>')
      } finally {
        s3.destroy()
      }
      await expect(sandbox.whenRevoked(credentials.accessKeyId)).resolves.toBeUndefined()
      await expect(sandbox.whenRevoked('ASIANEVERISSUED0000')).rejects.toThrow(/did not issue/)
    } finally {
      await sandbox.close()
    }
  })
})

describe('lifecycle', () => {
  it('uses the requested ports and origins', async () => {
    const [s3Port, cognitoPort] = [await freePort(), await freePort()]
    const sandbox = await startSandbox({
      s3Port,
      cognitoPort,
      allowedOrigins: [ORIGIN],
      region: 'eu-west-1',
      bucket: 'other-bucket',
    })
    try {
      expect(sandbox.s3Endpoint).toBe(`http://127.0.0.1:${s3Port}`)
      expect(sandbox.cognitoEndpoint).toBe(`http://127.0.0.1:${cognitoPort}`)
      expect(sandbox.identityPoolId).toBe('eu-west-1:00000000-0000-4000-8000-000000000000')

      const preflight = (endpoint: string, origin: string) =>
        rawRequest(endpoint, {
          method: 'OPTIONS',
          headers: { origin, 'access-control-request-method': 'GET' },
        })
      const allowed = await preflight(sandbox.cognitoEndpoint, ORIGIN)
      expect(allowed.headers['access-control-allow-origin']).toBe(ORIGIN)
      expect((await preflight(sandbox.cognitoEndpoint, 'http://evil.example')).status).toBe(403)
      const s3Url = `${sandbox.s3Endpoint}/other-bucket/hello.txt`
      expect((await preflight(s3Url, ORIGIN)).status).toBe(200)
      expect((await preflight(s3Url, 'http://evil.example')).status).toBe(403)

      const credentials = await issueCredentials(sandbox)
      expect(credentials.accessKeyId).toMatch(/^ASIA/)
    } finally {
      await sandbox.close()
    }
  })

  it('close() stops listening, revokes keys, removes the data directory; it is idempotent', async () => {
    const sandbox = await start()
    const credentials = await issueCredentials(sandbox)
    // A keep-alive connection from an SDK client must not hold close() up.
    const s3 = s3Client(sandbox, credentials)
    await s3.send(new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' }))
    expect(existsSync(sandbox.dataDirectory)).toBe(true)
    const revoked = sandbox.whenRevoked(credentials.accessKeyId)

    await Promise.all([sandbox.close(), sandbox.close()])
    s3.destroy()

    await revoked
    expect(AWSAccounts.registry.has(credentials.accessKeyId)).toBe(false)
    expect(await isListening(sandbox.s3Endpoint)).toBe(false)
    expect(await isListening(sandbox.cognitoEndpoint)).toBe(false)
    expect(existsSync(sandbox.dataDirectory)).toBe(false)
    await sandbox.close()
  })

  it('identity ids stay valid across sandbox restarts (the browser SDK caches them)', async () => {
    const first = await start()
    const cognito = cognitoClient(first)
    const { IdentityId } = await cognito
      .send(new GetIdCommand({ IdentityPoolId: first.identityPoolId }))
      .finally(() => cognito.destroy())
    await first.close()

    const second = await start()
    const again = cognitoClient(second)
    try {
      const { Credentials } = await again.send(new GetCredentialsForIdentityCommand({ IdentityId }))
      expect(Credentials?.AccessKeyId).toMatch(/^ASIA/)
      const otherPool = await start({
        identityPoolId: 'us-east-1:44444444-4444-4444-8444-444444444444',
      })
      const other = cognitoClient(otherPool)
      await expect(
        other.send(new GetCredentialsForIdentityCommand({ IdentityId })),
      ).rejects.toBeInstanceOf(ResourceNotFoundException)
      other.destroy()
      await otherPool.close()
    } finally {
      again.destroy()
      await second.close()
    }
  })

  it('fails cleanly when a port is taken', async () => {
    const first = await start()
    try {
      const port = Number(new URL(first.cognitoEndpoint).port)
      await expect(start({ cognitoPort: port })).rejects.toThrow(/EADDRINUSE/)
    } finally {
      await first.close()
    }
  })
})

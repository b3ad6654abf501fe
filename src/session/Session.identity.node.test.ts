/**
 * Switching identity and recovering from auth errors, with real SDK clients against a `node:http`
 * server on 127.0.0.1 that reads the access key id from each request's SigV4 `Authorization`
 * header and answers as AWS does: `ExpiredToken` (S3 XML) or `UnrecognizedClientException` (JSON
 * protocol) for a revoked key, `AccessDenied` where the test says so.
 */
import { DynamoDBClient, ListTablesCommand } from '@aws-sdk/client-dynamodb'
import { GetObjectCommand, HeadObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { Readable } from 'node:stream'
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  startTestServer,
  type ImmediateResponse,
  type ReceivedRequest,
  type TestServer,
} from '../../test/support/startTestServer.js'
import { CacheError, Session, type CacheEvent } from '../index.js'
import type { AwsCredentialIdentity } from '../types.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

const servers: TestServer[] = []
afterEach(async () => {
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

/** The access key id a request was signed with, from its SigV4 Authorization header. */
function keyOf(request: ReceivedRequest): string {
  const match = /Credential=([^/]+)\//.exec(String(request.headers.authorization ?? ''))
  return match?.[1] ?? '(unsigned)'
}

const s3Error = (code: string, status: number): ImmediateResponse => ({
  status,
  headers: { 'content-type': 'application/xml' },
  body: `<?xml version="1.0" encoding="UTF-8"?><Error><Code>${code}</Code><Message>${code}</Message></Error>`,
})
const OK: ImmediateResponse = { status: 200, body: 'ok', headers: { 'content-length': '2' } }

/** A server that answers `ExpiredToken` to the revoked keys and `ok` to the others. */
async function s3Server(revoked: Set<string>, denied = new Set<string>()): Promise<TestServer> {
  const server = await startTestServer({
    respond: (request) => {
      const key = keyOf(request)
      if (revoked.has(key)) return s3Error('ExpiredToken', 400)
      if (denied.has(key)) return s3Error('AccessDenied', 403)
      return OK
    },
  })
  servers.push(server)
  return server
}

const identity = (accessKeyId: string): AwsCredentialIdentity => ({
  accessKeyId,
  secretAccessKey: `${SECRET}-${accessKeyId}`,
  sessionToken: `token-${accessKeyId}`,
})

/** A provider that hands out the given keys in turn (the last one for ever), counting calls. */
function rotating(...keys: string[]) {
  const provider = async () => identity(keys[Math.min(provider.calls++, keys.length - 1)]!)
  provider.calls = 0
  return provider
}

function s3Of(session: Session, server: TestServer, config: object = {}): S3Client {
  return session.client(S3Client, {
    endpoint: server.endpoint,
    forcePathStyle: true,
    maxAttempts: 1,
    ...config,
  })
}

const get = (s3: S3Client, key = 'k') => s3.send(new GetObjectCommand({ Bucket: 'b', Key: key }))

describe('setCredentials()', () => {
  it('switches a kept client to the new identity, building no client', async () => {
    const server = await s3Server(new Set())
    const session = new Session({ region: 'us-east-1', credentials: identity('AKIDALICE') })
    const events: CacheEvent[] = []
    session.subscribe((event) => events.push(event))
    const kept = s3Of(session, server)
    await get(kept)
    session.setCredentials(identity('AKIDBOB'))
    await get(kept)
    expect(s3Of(session, server)).toBe(kept)
    expect(server.received.map(keyOf)).toEqual(['AKIDALICE', 'AKIDBOB'])
    expect(session.snapshot().stats).toMatchObject({ creates: 1, misses: 1 })
    const reasons = events.flatMap((event) => (event.type === 'credentials' ? [event.reason] : []))
    expect(reasons).toEqual(['initial', 'switch'])
    expect(session.snapshot().credentials?.reason).toBe('switch')
    expect(JSON.stringify(events) + JSON.stringify(session.snapshot())).not.toContain(SECRET)
  })

  it('no request that starts after the switch carries the old key (50 concurrent, 3 clients)', async () => {
    const server = await startTestServer() // holds every request until answered
    servers.push(server)
    const session = new Session({ region: 'us-east-1', credentials: identity('AKIDOLD') })
    const clients = ['a', 'b', 'c'].map((tag) => s3Of(session, server, { applicationId: tag }))
    const before = Array.from({ length: 25 }, (_, i) => get(clients[i % 3]!, `before-${i}`))
    const heldBefore = await Promise.all(before.map(() => server.nextRequest()))
    session.setCredentials(identity('AKIDNEW'))
    const after = Array.from({ length: 25 }, (_, i) => get(clients[i % 3]!, `after-${i}`))
    const heldAfter = await Promise.all(after.map(() => server.nextRequest()))
    await Promise.all([...heldBefore, ...heldAfter].map((request) => request.respond(200, 'ok')))
    await Promise.all([...before, ...after])
    const keysOf = (prefix: string) =>
      new Set(server.received.filter((r) => r.path.includes(prefix)).map(keyOf))
    expect(keysOf('/after-')).toEqual(new Set(['AKIDNEW']))
    expect(keysOf('/before-')).toEqual(new Set(['AKIDOLD']))
    expect(session.snapshot().stats.creates).toBe(3)
  })

  it('undefined goes back to the default source (in Node the default chain)', async () => {
    vi.stubEnv('AWS_ACCESS_KEY_ID', 'AKIDFROMENV')
    vi.stubEnv('AWS_SECRET_ACCESS_KEY', SECRET)
    vi.stubEnv('AWS_SESSION_TOKEN', 'token-env')
    const server = await s3Server(new Set())
    const session = new Session({ region: 'us-east-1', credentials: identity('AKIDALICE') })
    const s3 = s3Of(session, server)
    await get(s3)
    session.setCredentials(undefined)
    await get(s3)
    expect(server.received.map(keyOf)).toEqual(['AKIDALICE', 'AKIDFROMENV'])
  })

  it('rejects bad input with a CacheError naming credentials, and keeps the identity in force', async () => {
    const server = await s3Server(new Set())
    const session = new Session({ region: 'us-east-1', credentials: identity('AKIDALICE') })
    const s3 = s3Of(session, server)
    for (const bad of [42, 'AKIDBOB', { accessKeyId: 'AKIDBOB' }, null]) {
      let thrown: unknown
      try {
        session.setCredentials(bad as never)
      } catch (error) {
        thrown = error
      }
      expect(thrown).toBeInstanceOf(CacheError)
      expect(thrown).toMatchObject({ param: 'credentials' })
      expect((thrown as Error).message).toMatch(
        /^credentials must be static credentials \{ accessKeyId, secretAccessKey \} or a credential provider function, got /,
      )
    }
    await get(s3)
    expect(server.received.map(keyOf)).toEqual(['AKIDALICE'])
  })

  it('a provider that resolves to no credentials: the request is rejected naming the problem', async () => {
    const server = await s3Server(new Set())
    const session = new Session({ region: 'us-east-1', credentials: identity('AKIDALICE') })
    const s3 = s3Of(session, server)
    session.setCredentials(async () => 'not credentials' as never)
    await expect(get(s3)).rejects.toMatchObject({ code: 'INVALID_CREDENTIALS' })
    expect(server.received).toHaveLength(0)
  })

  it('leaves clients with their own credentials alone', async () => {
    const server = await s3Server(new Set())
    const session = new Session({ region: 'us-east-1', credentials: identity('AKIDALICE') })
    const own = s3Of(session, server, { credentials: identity('AKIDOWN') })
    session.setCredentials(identity('AKIDBOB'))
    await get(own)
    expect(server.received.map(keyOf)).toEqual(['AKIDOWN'])
  })
})

describe('refreshOnAuthError', () => {
  it('100 concurrent requests failing with one revoked key: one extra resolution, all succeed', async () => {
    const server = await s3Server(new Set(['AKIDREVOKED']))
    const provider = rotating('AKIDREVOKED', 'AKIDFRESH')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    const events: CacheEvent[] = []
    session.subscribe((event) => events.push(event))
    const s3 = s3Of(session, server)
    const results = await Promise.all(Array.from({ length: 100 }, (_, i) => get(s3, `k${i}`)))
    expect(results).toHaveLength(100)
    expect(provider.calls).toBe(2)
    const byKey = server.received.map(keyOf)
    expect(byKey.filter((key) => key === 'AKIDREVOKED')).toHaveLength(100)
    expect(byKey.filter((key) => key === 'AKIDFRESH')).toHaveLength(100)
    const reasons = events.flatMap((event) => (event.type === 'credentials' ? [event.reason] : []))
    expect(reasons).toEqual(['initial', 'auth-error'])
    expect(session.snapshot().caches.client.LRU.entries[0]).toMatchObject({
      requests: 100,
      errors: 0,
    })
  })

  it('retries a JSON-protocol service (UnrecognizedClientException) the same way', async () => {
    const server = await startTestServer({
      respond: (request) =>
        keyOf(request) === 'AKIDREVOKED'
          ? {
              status: 400,
              headers: {
                'content-type': 'application/x-amz-json-1.0',
                'x-amzn-errortype': 'UnrecognizedClientException',
              },
              body: JSON.stringify({ __type: 'UnrecognizedClientException', message: 'bad key' }),
            }
          : {
              status: 200,
              headers: { 'content-type': 'application/x-amz-json-1.0' },
              body: JSON.stringify({ TableNames: ['t'] }),
            },
    })
    servers.push(server)
    const provider = rotating('AKIDREVOKED', 'AKIDFRESH')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    const dynamo = session.client(DynamoDBClient, { endpoint: server.endpoint, maxAttempts: 1 })
    await expect(dynamo.send(new ListTablesCommand({}))).resolves.toMatchObject({
      TableNames: ['t'],
    })
    expect(server.received.map(keyOf)).toEqual(['AKIDREVOKED', 'AKIDFRESH'])
  })

  it('returns a second failure to the caller', async () => {
    const server = await s3Server(new Set(['AKIDA', 'AKIDB']))
    const provider = rotating('AKIDA', 'AKIDB')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    await expect(get(s3Of(session, server))).rejects.toMatchObject({ name: 'ExpiredToken' })
    expect(server.received.map(keyOf)).toEqual(['AKIDA', 'AKIDB'])
  })

  it('never replays a streaming upload: its error is returned after the invalidation', async () => {
    const server = await s3Server(new Set(['AKIDREVOKED']))
    const provider = rotating('AKIDREVOKED', 'AKIDFRESH')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    const s3 = s3Of(session, server)
    const upload = s3.send(
      new PutObjectCommand({
        Bucket: 'b',
        Key: 'stream',
        Body: Readable.from([Buffer.from('chunk')]),
        ContentLength: 5,
      }),
    )
    await expect(upload).rejects.toMatchObject({ name: 'ExpiredToken' })
    expect(server.received).toHaveLength(1)
    // The credentials were invalidated all the same: the next request resolves anew.
    await get(s3)
    expect(provider.calls).toBe(2)
    expect(server.received.map(keyOf)).toEqual(['AKIDREVOKED', 'AKIDFRESH'])
  })

  it('replays a string body', async () => {
    const server = await s3Server(new Set(['AKIDREVOKED']))
    const session = new Session({
      region: 'us-east-1',
      credentials: rotating('AKIDREVOKED', 'AKIDFRESH'),
    })
    await s3Of(session, server).send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'hello' }))
    expect(server.received.map((r) => [keyOf(r), r.body.toString()])).toEqual([
      ['AKIDREVOKED', 'hello'],
      ['AKIDFRESH', 'hello'],
    ])
  })

  it('leaves AccessDenied alone: no retry, no invalidation', async () => {
    const server = await s3Server(new Set(), new Set(['AKIDALICE']))
    const provider = rotating('AKIDALICE', 'AKIDOTHER')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    await expect(get(s3Of(session, server))).rejects.toMatchObject({ name: 'AccessDenied' })
    expect(server.received).toHaveLength(1)
    expect(provider.calls).toBe(1)
  })

  it('leaves a HEAD request alone: its error has no body, so no code to recognise', async () => {
    const server = await s3Server(new Set(['AKIDREVOKED']))
    const provider = rotating('AKIDREVOKED', 'AKIDFRESH')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    const s3 = s3Of(session, server)
    await expect(s3.send(new HeadObjectCommand({ Bucket: 'b', Key: 'k' }))).rejects.toMatchObject({
      name: 'Unknown',
      $metadata: { httpStatusCode: 400 },
    })
    expect(server.received).toHaveLength(1)
    expect(provider.calls).toBe(1)
    // The next error that has a body (any other S3 call) is recognised and recovers.
    await expect(get(s3)).resolves.toBeDefined()
    expect(server.received.map(keyOf)).toEqual(['AKIDREVOKED', 'AKIDREVOKED', 'AKIDFRESH'])
    expect(provider.calls).toBe(2)
  })

  it('leaves clients with their own credentials alone', async () => {
    const server = await s3Server(new Set(['AKIDOWN']))
    const provider = rotating('AKIDSESSION')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    const own = s3Of(session, server, { credentials: identity('AKIDOWN') })
    await expect(get(own)).rejects.toMatchObject({ name: 'ExpiredToken' })
    expect(server.received).toHaveLength(1)
    expect(provider.calls).toBe(0)
  })

  it('is off with refreshOnAuthError: false', async () => {
    const server = await s3Server(new Set(['AKIDREVOKED']))
    const provider = rotating('AKIDREVOKED', 'AKIDFRESH')
    const session = new Session({
      region: 'us-east-1',
      credentials: provider,
      refreshOnAuthError: false,
    })
    await expect(get(s3Of(session, server))).rejects.toMatchObject({ name: 'ExpiredToken' })
    expect(server.received).toHaveLength(1)
    expect(provider.calls).toBe(1)
  })
})

describe('invalidateCredentials()', () => {
  it('makes the next requests resolve anew, once for all', async () => {
    const server = await s3Server(new Set())
    const provider = rotating('AKID1', 'AKID2')
    const session = new Session({ region: 'us-east-1', credentials: provider })
    const s3 = s3Of(session, server)
    await get(s3)
    session.invalidateCredentials()
    await Promise.all(Array.from({ length: 20 }, () => get(s3)))
    expect(provider.calls).toBe(2)
    expect(new Set(server.received.slice(1).map(keyOf))).toEqual(new Set(['AKID2']))
    expect(session.snapshot().credentials?.reason).toBe('invalidate')
  })
})

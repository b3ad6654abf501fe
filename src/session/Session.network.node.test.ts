/**
 * The session against real servers on 127.0.0.1 with real SDK clients: in-flight-aware disposal
 * (streaming bodies included), caller-supplied handlers, shared credentials and sockets.
 * Node-only: the servers are `node:http`, s3rver and the playground's sandbox.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import {
  GetObjectCommand,
  ListBucketsCommand,
  ListObjectsV2Command,
  S3Client,
} from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { NodeHttpHandler } from '@smithy/node-http-handler'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startSandbox, type Sandbox } from '../../playground/sandbox/startSandbox.js'
import { startTestServer, type TestServer } from '../../test/support/startTestServer.js'
import { Session, type CacheEvent, type SessionClock } from '../index.js'
import { manualClock } from './test-support/manualClock.js'

const servers: { close(): Promise<void> }[] = []
afterEach(async () => {
  vi.restoreAllMocks()
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function server(): Promise<TestServer> {
  const started = await startTestServer()
  servers.push(started)
  return started
}

/** Resolves with the first event matching `predicate`. */
function nextEvent(
  session: Session,
  predicate: (event: CacheEvent) => boolean,
): Promise<CacheEvent> {
  return new Promise((resolve) => {
    const stop = session.subscribe((event) => {
      if (predicate(event)) {
        stop()
        resolve(event)
      }
    })
  })
}

/**
 * A session (maxSize 1) whose one S3 client has a GetObject answered with headers and a first
 * chunk, its body still open: the server's `held` request writes the rest.
 */
async function openGetObject(
  contentLength: number,
  first: string,
  options: { bodyIdleTimeout?: number; clock?: SessionClock } = {},
) {
  const http = await server()
  const session = new Session({ defaults: { maxSize: 1 }, ...options })
  const s3 = session.client(S3Client, http.s3ClientConfig)
  const destroy = vi.spyOn(s3, 'destroy')
  const response = s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
  const held = await http.nextRequest()
  held.writeHead(200, {
    'content-type': 'application/octet-stream',
    'content-length': String(contentLength),
  })
  await held.write(first)
  const { Body } = await response
  /** Evicts the S3 client by building another. */
  const evict = () => session.client(S3Client, { ...http.s3ClientConfig, region: 'eu-west-1' })
  return { http, session, destroy, held, Body: Body!, evict }
}

const LIST_BUCKETS =
  '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>'

describe('disposal waits for requests in flight', () => {
  it('destroys an evicted client only after its held request completes', async () => {
    const http = await server()
    const session = new Session({ defaults: { maxSize: 1 } })
    const { region, ...config } = http.s3ClientConfig
    const a = session.client(S3Client, { ...config, region })
    const destroy = vi.spyOn(a, 'destroy')
    const pending = a.send(new ListBucketsCommand({}))
    const held = await http.nextRequest()
    expect(session.snapshot().caches.client.LRU.entries[0]!.inFlight).toBe(1)

    session.client(S3Client, { ...config, region: 'eu-west-1' }) // evicts a
    expect(session.cache.client.LRU.values()).not.toContain(a)
    expect(destroy).not.toHaveBeenCalled()

    const disposed = nextEvent(session, (event) => event.type === 'dispose')
    await held.respond(200, LIST_BUCKETS, { 'content-type': 'application/xml' })
    await expect(pending).resolves.toMatchObject({ Buckets: [] })
    await disposed
    expect(destroy).toHaveBeenCalledTimes(1)
    await session.dispose()
    expect(destroy).toHaveBeenCalledTimes(1)
  })

  it('keeps a client alive while a GetObject body is still being read, then destroys it', async () => {
    const { session, destroy, held, Body, evict } = await openGetObject(10, 'hello')
    expect(session.snapshot().caches.client.LRU.entries[0]!.inFlight).toBe(1)

    evict()
    const disposed = nextEvent(session, (event) => event.type === 'dispose')
    const text = Body.transformToString()
    await held.end('world')
    expect(await text).toBe('helloworld')
    await disposed
    expect(destroy).toHaveBeenCalledTimes(1)
    const [entry] = session.snapshot().caches.client.LRU.entries
    expect(entry!.requests).toBe(0) // the entry left is the new client
  })

  it('lets a body nobody reads stop counting after bodyIdleTimeout', async () => {
    // The body is never read.
    const clock = manualClock()
    const { session, destroy, evict } = await openGetObject(100, 'x'.repeat(10), {
      bodyIdleTimeout: 60_000, // on the wall clock this test would time out
      clock,
    })
    expect(session.snapshot().caches.client.LRU.entries[0]!.inFlight).toBe(1)
    const disposed = nextEvent(session, (event) => event.type === 'dispose')
    evict()
    clock.advance(59_999)
    expect(session.snapshot().caches.client.LRU.entries).toHaveLength(1) // the new client
    expect(destroy).not.toHaveBeenCalled() // still counted in flight
    clock.advance(1) // no progress for bodyIdleTimeout: abandoned
    await disposed
    expect(destroy).toHaveBeenCalledTimes(1)
  })

  it('a connection reset mid-body while the client is evicted: the request fails, the client is destroyed once', async () => {
    const { http, session, destroy, held, Body, evict } = await openGetObject(100, 'partial')
    evict()
    const outcome = nextEvent(session, (event) => event.type === 'response')
    const disposed = nextEvent(session, (event) => event.type === 'dispose')
    const reading = Body.transformToString()
    await held.destroySocket()
    await expect(reading).rejects.toThrow()
    expect(await outcome).toMatchObject({
      type: 'response',
      commandName: 'GetObjectCommand',
      ok: false,
    })
    await disposed
    expect(destroy).toHaveBeenCalledTimes(1)
    // the session still works
    http.respondWith({ body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } })
    await expect(
      session
        .client(S3Client, { ...http.s3ClientConfig, region: 'eu-west-1' })
        .send(new ListBucketsCommand({})),
    ).resolves.toBeTruthy()
  })

  it('never destroys a client built with a shared request handler; the other client keeps working', async () => {
    const http = await server()
    const handler = new NodeHttpHandler()
    const handlerDestroy = vi.spyOn(handler, 'destroy')
    const session = new Session({
      defaults: { maxSize: 1 },
      clientConfig: { requestHandler: handler },
    })
    const a = session.client(S3Client, http.s3ClientConfig)
    const destroyA = vi.spyOn(a, 'destroy')
    const b = new S3Client({ ...http.s3ClientConfig, requestHandler: handler }) // shares the handler
    const pending = b.send(new ListBucketsCommand({}))
    const held = await http.nextRequest()
    session.client(S3Client, { ...http.s3ClientConfig, region: 'eu-west-1' }) // evicts a
    await session.dispose()
    await held.respond(200, LIST_BUCKETS, { 'content-type': 'application/xml' })
    await expect(pending).resolves.toMatchObject({ Buckets: [] })
    expect(destroyA).not.toHaveBeenCalled()
    expect(handlerDestroy).not.toHaveBeenCalled()
  })

  it('records requests, responses and errors per entry, and reports them as events', async () => {
    const http = await server()
    http.respondWith((request) =>
      request.path.includes('missing')
        ? {
            status: 404,
            body: '<Error><Code>NoSuchKey</Code></Error>',
            headers: { 'content-type': 'application/xml' },
          }
        : { body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } },
    )
    const session = new Session()
    const events: CacheEvent[] = []
    session.subscribe((event) => events.push(event))
    const s3 = session.client(S3Client, http.s3ClientConfig)
    await s3.send(new ListBucketsCommand({}))
    await expect(s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'missing' }))).rejects.toThrow()
    const [entry] = session.snapshot().caches.client.LRU.entries
    expect(entry).toMatchObject({ requests: 2, errors: 1, inFlight: 0 })
    const responses = events.filter((event) => event.type === 'response')
    expect(
      responses.map((event) => event.type === 'response' && [event.commandName, event.ok]),
    ).toEqual([
      ['ListBucketsCommand', true],
      ['GetObjectCommand', false],
    ])
    expect(JSON.stringify(events)).not.toContain(
      http.s3ClientConfig.credentials.secretAccessKey + 'x',
    )
  })
})

describe('sharing', () => {
  it('one credential resolution for several clients making real requests', async () => {
    const http = await server()
    http.respondWith({ body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } })
    let resolutions = 0
    const session = new Session({
      region: 'us-east-1',
      credentials: async () => {
        resolutions++
        return {
          accessKeyId: 'AKIDEXAMPLE',
          secretAccessKey: 'secret',
          expiration: new Date(Date.now() + 3600_000),
        }
      },
      clientConfig: { endpoint: http.endpoint, forcePathStyle: true },
    })
    const clients = [
      session.client(S3Client),
      session.client(S3Client, { maxAttempts: 2 }),
      session.client(S3Client, { region: 'eu-west-1' }),
    ]
    await Promise.all(
      clients.flatMap((s3) => [
        s3.send(new ListBucketsCommand({})),
        s3.send(new ListBucketsCommand({})),
      ]),
    )
    expect(resolutions).toBe(1)
    expect(http.requests).toBe(6)
  })

  it('sequential requests through the session reuse one connection; a client per request opens one each', async () => {
    const http = await server()
    http.respondWith({ body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } })
    const session = new Session()
    for (let i = 0; i < 10; i++)
      await session.client(S3Client, http.s3ClientConfig).send(new ListBucketsCommand({}))
    expect(http.connections).toBe(1)
    const naive = await server()
    naive.respondWith({ body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } })
    for (let i = 0; i < 10; i++) {
      const s3 = new S3Client(naive.s3ClientConfig)
      await s3.send(new ListBucketsCommand({}))
    }
    expect(naive.connections).toBe(10)
  })

  it('Cognito credentials: one GetCredentialsForIdentity for many S3 operations over several clients', async () => {
    const sandbox: Sandbox = await startSandbox({ s3Port: 0, cognitoPort: 0 })
    servers.push(sandbox)
    const cognito = { region: sandbox.region, endpoint: sandbox.cognitoEndpoint }
    const session = new Session({
      region: sandbox.region,
      credentials: fromCognitoIdentityPool({
        identityPoolId: sandbox.identityPoolId,
        clientConfig: cognito,
      }),
      clientConfig: { endpoint: sandbox.s3Endpoint, forcePathStyle: true },
    })
    const operations = []
    for (let i = 0; i < 12; i++) {
      const s3 = session.client(S3Client, i % 2 ? { maxAttempts: 2 } : undefined)
      operations.push(
        s3.send(new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' })),
      )
    }
    const results = await Promise.all(operations)
    expect(results.every((result) => (result.Contents?.length ?? 0) > 0)).toBe(true)
    expect(sandbox.stats()).toMatchObject({ GetCredentialsForIdentity: 1, s3Requests: 12 })
    expect(session.getAvailableServices()).toEqual(['S3'])
    session.client(CognitoIdentityClient, cognito)
    expect(session.getAvailableServices()).toEqual(['Cognito Identity', 'S3'])
    await session.dispose()
  })
})

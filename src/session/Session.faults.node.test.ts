/**
 * Faults and load against real servers on 127.0.0.1: each fault reaches only the caller it
 * concerns, and the session stays consistent and usable afterwards.
 */
import { GetObjectCommand, ListBucketsCommand, S3Client } from '@aws-sdk/client-s3'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { startTestServer, type TestServer } from '../../test/support/startTestServer.js'
import { Session } from '../index.js'
import { manualClock } from './test-support/manualClock.js'

const LIST_BUCKETS =
  '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>'

const servers: TestServer[] = []
afterEach(async () => {
  vi.useRealTimers()
  vi.restoreAllMocks()
  await Promise.all(servers.splice(0).map((server) => server.close()))
})

async function listingServer(): Promise<TestServer> {
  const server = await startTestServer({
    respond: { body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } },
  })
  servers.push(server)
  return server
}

describe('faults', () => {
  it('a hanging credential provider: abortSignal ends that request; the client and the shared provider stay usable', async () => {
    const http = await listingServer()
    let calls = 0
    let entered!: () => void
    const inProvider = new Promise<void>((resolve) => (entered = resolve))
    const clock = manualClock()
    const session = new Session({
      region: 'us-east-1',
      clientConfig: { endpoint: http.endpoint, forcePathStyle: true },
      clock,
      credentialsTimeout: 60_000, // on the wall clock this test would time out
      credentials: () => {
        calls++
        entered()
        if (calls === 1) return new Promise(() => {}) // hangs for ever
        return Promise.resolve({ accessKeyId: 'AKID', secretAccessKey: 'secret' })
      },
    })
    const s3 = session.client(S3Client)
    const controller = new AbortController()
    const stuck = s3.send(new ListBucketsCommand({}), { abortSignal: controller.signal })
    await inProvider // the request is now waiting on the hung provider
    controller.abort(new Error('user gave up'))
    await expect(stuck).rejects.toThrow('user gave up')
    expect(session.snapshot().caches.client.LRU.entries[0]).toMatchObject({
      inFlight: 0,
      errors: 1,
    })

    // The hung resolution times out (CREDENTIALS_TIMEOUT) and is forgotten; the next one works.
    const timedOut = expect(session.getCredentials()).rejects.toMatchObject({
      code: 'CREDENTIALS_TIMEOUT',
    })
    expect(clock.pending).toBe(1) // the credentials timeout, and nothing fires before its time
    clock.advance(59_999)
    expect(clock.pending).toBe(1)
    clock.advance(1)
    await timedOut
    await expect(s3.send(new ListBucketsCommand({}))).resolves.toMatchObject({ Buckets: [] })
    expect(calls).toBe(2)
    expect(http.requests).toBe(1)
  })

  it('a rejecting credential provider fails that request only; the next one retries', async () => {
    const http = await listingServer()
    let calls = 0
    const session = new Session({
      region: 'us-east-1',
      clientConfig: { endpoint: http.endpoint, forcePathStyle: true },
      credentials: async () => {
        if (++calls === 1) throw new Error('Cognito throttled')
        return { accessKeyId: 'AKID', secretAccessKey: 'secret' }
      },
    })
    await expect(session.client(S3Client).send(new ListBucketsCommand({}))).rejects.toThrow(
      'Cognito throttled',
    )
    await expect(session.client(S3Client).send(new ListBucketsCommand({}))).resolves.toBeTruthy()
  })

  it('a destroy() that throws is reported, not thrown at the caller; the cache stays consistent', async () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const session = new Session({ region: 'us-east-1', defaults: { maxSize: 1 } })
    const first = session.client(S3Client)
    vi.spyOn(first, 'destroy').mockImplementation(() => {
      throw new Error('destroy failed')
    })
    const second = session.client(S3Client, { region: 'eu-west-1' })
    expect(session.cache.client.LRU.values()).toEqual([second])
    expect(report).toHaveBeenCalled()
    expect(session.snapshot().stats).toMatchObject({ evictions: 1, disposals: 1 })
    await session.dispose()
  })

  it('a listener that throws disturbs neither the call nor the other listeners', () => {
    const report = vi.spyOn(console, 'error').mockImplementation(() => {})
    const session = new Session({ region: 'us-east-1' })
    const seen: string[] = []
    session.subscribe(() => {
      throw new Error('listener bug')
    })
    session.subscribe((event) => seen.push(event.type))
    const s3 = session.client(S3Client)
    expect(session.client(S3Client)).toBe(s3)
    expect(seen).toEqual(['miss', 'create', 'hit'])
    expect(report).toHaveBeenCalledTimes(3)
  })
})

describe('load', () => {
  it('400 requests over 20 clients with maxSize 5 and constant eviction: 0 failures, each evicted client destroyed once, after its last request', async () => {
    const http = await startTestServer({
      respond: (request) =>
        request.path.includes('/object')
          ? { body: 'x'.repeat(2048), headers: { 'content-type': 'application/octet-stream' } }
          : { body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } },
    })
    servers.push(http)
    const session = new Session({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'secret' },
      clientConfig: { endpoint: http.endpoint, forcePathStyle: true },
      defaults: { maxSize: 5 },
    })
    // A client destroyed while it still has a request or body in flight fails that request
    // (`socket hang up`, `aborted`), so "0 failures" is what shows disposal waited.
    const destroyed = new Map<S3Client, number>()
    const destroy = S3Client.prototype.destroy
    vi.spyOn(S3Client.prototype, 'destroy').mockImplementation(function (this: S3Client) {
      destroyed.set(this, (destroyed.get(this) ?? 0) + 1)
      destroy.call(this)
    })
    const configs = Array.from({ length: 20 }, (_, i) => ({
      maxAttempts: 1 + (i % 4),
      region: `us-east-${1 + Math.floor(i / 4)}`,
    }))
    let failures = 0
    // 20 workers, 20 sequential requests each: requests are in flight on every client while
    // other workers' calls keep evicting.
    const worker = async (w: number): Promise<void> => {
      for (let op = 0; op < 20; op++) {
        const s3 = session.client(S3Client, configs[(w * 7 + op * 3) % 20])
        try {
          if (op % 2 === 0) await s3.send(new ListBucketsCommand({}))
          else {
            const { Body } = await s3.send(
              new GetObjectCommand({ Bucket: 'b', Key: `object-${w}-${op}` }),
            )
            if ((await Body!.transformToString()).length !== 2048) failures++
          }
        } catch {
          failures++
        }
      }
    }
    const work = Array.from({ length: 20 }, (_, w) => worker(w))
    await Promise.all(work)
    await session.dispose()
    expect(failures).toBe(0)
    expect(session.snapshot().stats.evictions).toBeGreaterThan(20)
    expect([...destroyed.values()].every((count) => count === 1)).toBe(true)
    expect(destroyed.size).toBe(session.snapshot().stats.creates)
  })
})

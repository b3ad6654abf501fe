import { GetObjectCommand, PutObjectCommand, S3Client } from '@aws-sdk/client-s3'
import { afterEach, describe, expect, it } from 'vitest'
import { startTestServer } from './startTestServer.js'
import type { TestServer } from './startTestServer.js'

const decoder = new TextDecoder()

describe('startTestServer', () => {
  let server: TestServer | undefined
  const clients: S3Client[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await server?.close()
    server = undefined
  })
  /** One attempt: a reset must surface, not be retried. */
  const s3 = (testServer: TestServer) => {
    const client = new S3Client({ ...testServer.s3ClientConfig, maxAttempts: 1 })
    clients.push(client)
    return client
  }

  it('holds a GetObject and streams its body in two chunks under test control', async () => {
    server = await startTestServer()
    const client = s3(server)

    const sent = client.send(new GetObjectCommand({ Bucket: 'bucket', Key: 'some/key.bin' }))
    const request = await server.nextRequest()
    expect(request.method).toBe('GET')
    expect(request.path).toBe('/bucket/some/key.bin')
    expect(request.headers.authorization).toMatch(/^AWS4-HMAC-SHA256 Credential=TEST\//)

    request.writeHead(200, { 'content-type': 'application/octet-stream' })
    await request.write('first chunk|')
    const { Body, ContentType } = await sent // headers are in; the body is still open
    expect(ContentType).toBe('application/octet-stream')

    const chunks = (Body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    const first = await chunks.next()
    expect(decoder.decode(first.value)).toBe('first chunk|')

    await request.end('second chunk')
    const second = await chunks.next()
    expect(decoder.decode(second.value)).toBe('second chunk')
    expect((await chunks.next()).done).toBe(true)
    await request.closed
    expect(server.requests).toBe(1)
    expect(server.connections).toBe(1)
  })

  it('answers at once when told to, and counts connections and requests', async () => {
    server = await startTestServer({ respond: { body: 'same', headers: { etag: '"1"' } } })
    const one = s3(server)
    for (let i = 0; i < 3; i++) {
      const { Body } = await one.send(new GetObjectCommand({ Bucket: 'b', Key: `k${i}` }))
      expect(await Body!.transformToString()).toBe('same')
    }
    expect(server.requests).toBe(3)
    expect(server.connections).toBe(1) // one client reuses its keep-alive socket

    const other = s3(server)
    await (
      await other.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
    ).Body!.transformToString()
    expect(server.requests).toBe(4)
    expect(server.connections).toBe(2) // a second client opens its own
    expect(server.received.map((r) => r.path)).toEqual(['/b/k0', '/b/k1', '/b/k2', '/b/k'])
  })

  it('lets a responder function answer some requests and hold others', async () => {
    server = await startTestServer()
    server.respondWith((request) =>
      request.method === 'PUT' ? { headers: { etag: '"abc"' } } : undefined,
    )
    const client = s3(server)

    const put = await client.send(new PutObjectCommand({ Bucket: 'b', Key: 'k', Body: 'payload' }))
    expect(put.ETag).toBe('"abc"')
    expect(server.received[0]!.body.toString()).toBe('payload')

    const sent = client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
    const held = await server.nextRequest()
    expect(held.index).toBe(2)
    await held.respond(200, 'held body', { 'content-type': 'text/plain' })
    expect(await (await sent).Body!.transformToString()).toBe('held body')
  })

  it('resets the connection mid-body: the reader fails', async () => {
    server = await startTestServer()
    const client = s3(server)

    const sent = client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
    const request = await server.nextRequest()
    request.writeHead(200, { 'content-type': 'application/octet-stream' })
    await request.write('partial')
    const { Body } = await sent
    const chunks = (Body as AsyncIterable<Uint8Array>)[Symbol.asyncIterator]()
    expect(decoder.decode((await chunks.next()).value)).toBe('partial')

    await request.destroySocket()
    await expect(chunks.next()).rejects.toThrow(/aborted|ECONNRESET|socket hang up/)
    await request.closed
    expect(server.openConnections).toBe(0)
  })

  it('close() drops held requests and rejects waiting nextRequest() calls', async () => {
    server = await startTestServer()
    const client = s3(server)

    const sent = client.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
    const request = await server.nextRequest()
    const waiting = expect(server.nextRequest()).rejects.toThrow(/closed/)
    await server.close()
    await request.closed
    await expect(sent).rejects.toThrow(/socket hang up|ECONNRESET/)
    await waiting
    await expect(server.nextRequest()).rejects.toThrow(/closed/)
    expect(server.openConnections).toBe(0)
  })
})

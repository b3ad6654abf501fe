/**
 * A `node:http` server on 127.0.0.1 whose every answer the test decides: answer at once, or hold
 * the request until the test responds, streams the body chunk by chunk, or resets the connection
 * mid-body. It counts TCP connections and requests, so tests can see whether clients share a
 * socket pool. Usable as the `endpoint` of a real SDK client (path-style for S3). Node only.
 *
 * No timers anywhere: tests coordinate through the promises it returns.
 *
 * @example
 * ```ts
 * const server = await startTestServer()
 * const s3 = new S3Client({ ...server.s3ClientConfig, maxAttempts: 1 })
 * const sent = s3.send(new GetObjectCommand({ Bucket: 'b', Key: 'k' }))
 * const request = await server.nextRequest() // GET /b/k, held
 * request.writeHead(200, { 'content-type': 'application/octet-stream' })
 * await request.write('hello ')
 * const { Body } = await sent // headers arrived; body still open
 * await request.end('world')
 * ```
 */
import { createServer } from 'node:http'
import type { IncomingHttpHeaders, OutgoingHttpHeaders } from 'node:http'
import type { AddressInfo, Socket } from 'node:net'

/** A request as the server received it, body included. */
export interface ReceivedRequest {
  /** 1-based arrival order. */
  readonly index: number
  readonly method: string
  /** Path and query, as sent (`/bucket/key?x-id=GetObject`). */
  readonly url: string
  /** Path only, percent-decoded (`/bucket/key`). */
  readonly path: string
  readonly headers: IncomingHttpHeaders
  readonly body: Buffer
}

/** An answer given at once. */
export interface ImmediateResponse {
  /** Default 200. */
  status?: number
  body?: string | Uint8Array
  headers?: OutgoingHttpHeaders
}

/**
 * How the server treats each request: an answer, or a function returning one (or `undefined` to
 * hold that request for {@link TestServer.nextRequest}).
 */
export type Responder =
  ImmediateResponse | ((request: ReceivedRequest) => ImmediateResponse | undefined)

/** A request the server holds until the test answers it. */
export interface HeldRequest extends ReceivedRequest {
  /** Answers in one go. */
  respond(status: number, body?: string | Uint8Array, headers?: OutgoingHttpHeaders): Promise<void>
  /** Sends the status line and headers now; the body follows with {@link write} and {@link end}. */
  writeHead(status: number, headers?: OutgoingHttpHeaders): void
  /**
   * Sends one body chunk (after a 200 with no extra headers, if {@link writeHead} was not called);
   * resolves once the chunk is handed to the socket.
   */
  write(chunk: string | Uint8Array): Promise<void>
  /** Ends the response, optionally with a last chunk; resolves once it is flushed. */
  end(chunk?: string | Uint8Array): Promise<void>
  /**
   * Resets the TCP connection (RST) right now, e.g. mid-body; the client sees `ECONNRESET`.
   * Resolves once the socket is closed.
   */
  destroySocket(): Promise<void>
  /** Resolves when the response is finished or its connection closed (client aborted too). */
  readonly closed: Promise<void>
}

export interface TestServer {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string
  readonly port: number
  /** TCP connections accepted so far. */
  readonly connections: number
  /** TCP connections open right now. */
  readonly openConnections: number
  /** Requests received so far (counted when their headers arrive). */
  readonly requests: number
  /** Every request received so far, in arrival order, once its body has arrived. */
  readonly received: readonly ReceivedRequest[]
  /**
   * Config for an S3Client pointed at this server: path-style, `us-east-1`, static credentials.
   * A fresh object each time.
   */
  readonly s3ClientConfig: {
    endpoint: string
    region: 'us-east-1'
    forcePathStyle: true
    credentials: { accessKeyId: string; secretAccessKey: string }
  }
  /**
   * The next held request, in arrival order; already-held ones first, otherwise waits for one.
   * Rejects if the server closes first.
   */
  nextRequest(): Promise<HeldRequest>
  /**
   * Answers every later request at once with `responder`; `undefined` (the default) holds them
   * all for {@link nextRequest}.
   */
  respondWith(responder: Responder | undefined): void
  /** Destroys every socket (held requests included) and stops listening. Idempotent. */
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

export interface StartTestServerOptions {
  /** Initial {@link TestServer.respondWith}. */
  respond?: Responder
}

function writeChunk(
  write: (chunk: string | Uint8Array, callback: (error?: Error | null) => void) => unknown,
  chunk: string | Uint8Array,
): Promise<void> {
  return new Promise((resolve, reject) => {
    write(chunk, (error) => (error ? reject(error) : resolve()))
  })
}

/** Starts a controllable HTTP server on 127.0.0.1 with a free port. */
export async function startTestServer(options: StartTestServerOptions = {}): Promise<TestServer> {
  let responder: Responder | undefined = options.respond
  let connections = 0
  let requests = 0
  const sockets = new Set<Socket>()
  const received: ReceivedRequest[] = []
  const held: HeldRequest[] = []
  const waiters: { resolve: (request: HeldRequest) => void; reject: (error: Error) => void }[] = []
  let closed = false

  const server = createServer((req, res) => {
    const index = ++requests
    const chunks: Buffer[] = []
    req.on('data', (chunk: Buffer) => chunks.push(chunk))
    req.on('end', () => {
      const url = req.url ?? '/'
      const request: ReceivedRequest = {
        index,
        method: req.method ?? 'GET',
        url,
        path: decodeURIComponent(new URL(url, 'http://127.0.0.1').pathname),
        headers: req.headers,
        body: Buffer.concat(chunks),
      }
      received.push(request)

      const immediate = typeof responder === 'function' ? responder(request) : responder
      if (immediate !== undefined) {
        res.writeHead(immediate.status ?? 200, immediate.headers)
        res.end(immediate.body)
        return
      }

      const socket = req.socket
      const handle: HeldRequest = {
        ...request,
        respond(status, body, headers) {
          res.writeHead(status, headers)
          return writeChunk((c, cb) => res.end(c, cb), body ?? '')
        },
        writeHead(status, headers) {
          res.writeHead(status, headers)
        },
        write(chunk) {
          return writeChunk((c, cb) => res.write(c, cb), chunk)
        },
        end(chunk) {
          return writeChunk((c, cb) => res.end(c, cb), chunk ?? '')
        },
        destroySocket() {
          if (socket.destroyed) return Promise.resolve()
          return new Promise<void>((resolve) => {
            socket.once('close', () => resolve())
            socket.resetAndDestroy()
          })
        },
        closed: new Promise<void>((resolve) => res.once('close', () => resolve())),
      }
      const waiter = waiters.shift()
      if (waiter) waiter.resolve(handle)
      else held.push(handle)
    })
  })

  server.on('connection', (socket) => {
    connections++
    sockets.add(socket)
    socket.once('close', () => sockets.delete(socket))
  })
  // A reset or malformed request is part of what tests do; it must not crash the process.
  server.on('clientError', (_error, socket) => socket.destroy())

  await new Promise<void>((resolve, reject) => {
    server.once('error', reject)
    server.listen(0, '127.0.0.1', () => {
      server.off('error', reject)
      resolve()
    })
  })
  const { port } = server.address() as AddressInfo
  const endpoint = `http://127.0.0.1:${port}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= new Promise<void>((resolve, reject) => {
      closed = true
      const error = new Error('The test server closed before another request arrived')
      for (const waiter of waiters.splice(0)) waiter.reject(error)
      server.close((err) => (err ? reject(err) : resolve()))
      for (const socket of sockets) socket.destroy()
    })
    return closing
  }

  return {
    endpoint,
    port,
    get connections() {
      return connections
    },
    get openConnections() {
      return sockets.size
    },
    get requests() {
      return requests
    },
    received,
    get s3ClientConfig() {
      return {
        endpoint,
        region: 'us-east-1' as const,
        forcePathStyle: true as const,
        credentials: { accessKeyId: 'TEST', secretAccessKey: 'TEST' },
      }
    },
    nextRequest() {
      const next = held.shift()
      if (next) return Promise.resolve(next)
      if (closed) return Promise.reject(new Error('The test server is closed'))
      return new Promise((resolve, reject) => waiters.push({ resolve, reject }))
    },
    respondWith(next) {
      responder = next
    },
    close,
    [Symbol.asyncDispose]: close,
  }
}

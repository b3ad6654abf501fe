/**
 * Keeps a request counted while its Node stream body is being read: the Node platform's
 * {@link Platform.watchBody}. Elsewhere (browsers, web workers, edge runtimes) response bodies
 * are web streams or blobs; the platform there imports this module lazily, only if a Node stream
 * turns up after all (a Node bundle built without the `node` condition). It imports nothing at
 * run time, so that lazy chunk shares no module with the core.
 *
 * @module
 */
import type { Platform } from './Platform.js'

/**
 * Watches `body` when it is a Node readable stream that has not ended, and calls `finish` once:
 * `finish(true)` when it ends, closes after ending, or makes no progress (no bytes arrive on its
 * socket) for `idleTimeout` ms — a body nobody reads must not keep an evicted client alive for
 * ever — and `finish(false)` when it errors or closes early. Returns `false`, calling nothing,
 * for anything else.
 *
 * @example
 * ```ts
 * const { Body } = await s3.send(new GetObjectCommand({ Bucket, Key }))
 * if (!watchNodeBody(Body, (ok) => console.log('consumed', ok), 60_000, clock)) console.log('nothing to watch')
 * ```
 */
export const watchNodeBody: Platform['watchBody'] = (body, finish, idleTimeout, clock) => {
  if (!isOpenNodeStream(body)) return false
  const stream = body
  let lastProgress = progressOf(stream)
  let timer: unknown
  const settle = (ok: boolean): void => {
    if (timer !== undefined) clock.clearTimeout(timer)
    timer = undefined
    stream.off('end', onEnd)
    stream.off('close', onClose)
    stream.off('error', onError)
    finish(ok)
  }
  const onEnd = (): void => settle(true)
  const onError = (): void => settle(false)
  const onClose = (): void => settle(stream.readableEnded === true)
  const check = (): void => {
    const progress = progressOf(stream)
    if (progress === lastProgress) {
      settle(true) // abandoned: nobody is reading it
      return
    }
    lastProgress = progress
    arm()
  }
  const arm = (): void => {
    timer = clock.setTimeout(check, idleTimeout)
  }
  stream.once('end', onEnd)
  stream.once('close', onClose)
  stream.once('error', onError)
  arm()
  return true
}

interface NodeStreamLike {
  readonly readableEnded?: boolean
  readonly destroyed?: boolean
  readonly readableLength?: number
  readonly socket?: { readonly bytesRead?: number } | null
  once(event: string, listener: (...args: unknown[]) => void): unknown
  off(event: string, listener: (...args: unknown[]) => void): unknown
  pipe: unknown
}

function isOpenNodeStream(body: unknown): body is NodeStreamLike {
  if (body === null || typeof body !== 'object') return false
  const stream = body as Partial<NodeStreamLike>
  return (
    typeof stream.once === 'function' &&
    typeof stream.off === 'function' &&
    typeof stream.pipe === 'function' &&
    stream.readableEnded !== true &&
    stream.destroyed !== true
  )
}

/** Bytes delivered so far: grows while data arrives, stops when nobody reads (backpressure). */
function progressOf(stream: NodeStreamLike): number {
  return stream.socket?.bytesRead ?? stream.readableLength ?? 0
}

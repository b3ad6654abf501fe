/**
 * A real fake S3 for network tests: s3rver on 127.0.0.1, on a free port, storing into a fresh
 * temporary directory that {@link RunningS3rver.close} removes. Node only.
 *
 * @example
 * ```ts
 * const s3rver = await startS3rver({ buckets: ['demo'] })
 * const s3 = new S3Client(s3rver.clientConfig)
 * await s3.send(new PutObjectCommand({ Bucket: 'demo', Key: 'a', Body: 'hello' }))
 * await s3rver.close()
 * ```
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import S3rver from 's3rver'

/** The key pair s3rver's built-in account accepts. */
export const S3RVER_CREDENTIALS = Object.freeze({
  accessKeyId: 'S3RVER',
  secretAccessKey: 'S3RVER',
})

/** The `S3Client` (or any SDK client) config that talks to an s3rver at `endpoint`. */
export interface S3rverClientConfig {
  endpoint: string
  region: 'us-east-1'
  forcePathStyle: true
  credentials: { accessKeyId: string; secretAccessKey: string }
}

/**
 * The config for an `S3Client` that talks to the s3rver at `endpoint`: path-style addressing
 * (`http://127.0.0.1:port/bucket/key`), `us-east-1`, and the s3rver key pair.
 */
export function s3rverClientConfig(endpoint: string): S3rverClientConfig {
  return {
    endpoint,
    region: 'us-east-1',
    forcePathStyle: true,
    credentials: { ...S3RVER_CREDENTIALS },
  }
}

export interface StartS3rverOptions {
  /** Buckets to create before the server listens: names, or names with CORS/website XML. */
  buckets?: readonly (string | S3rver.BucketConfig)[]
  /**
   * Accept requests whose signature does not match (default `false`). s3rver 3.7 checks only the
   * access key id of SigV4 requests (it must be registered), never the signature itself.
   */
  allowMismatchedSignatures?: boolean
}

export interface RunningS3rver {
  /** `http://127.0.0.1:<port>` */
  readonly endpoint: string
  readonly port: number
  /** The temporary directory holding buckets and objects. */
  readonly directory: string
  /** The s3rver instance itself. */
  readonly server: S3rver
  /** Same as `s3rverClientConfig(endpoint)`; a fresh object each time. */
  readonly clientConfig: S3rverClientConfig
  /** Stops the server (dropping open connections) and removes the directory. Idempotent. */
  close(): Promise<void>
  [Symbol.asyncDispose](): Promise<void>
}

/** Starts s3rver on 127.0.0.1 with a free port and a new temporary directory. */
export async function startS3rver(options: StartS3rverOptions = {}): Promise<RunningS3rver> {
  const directory = await mkdtemp(join(tmpdir(), 'aws-client-cache-s3rver-'))
  const server = new S3rver({
    address: '127.0.0.1',
    port: 0,
    silent: true,
    directory,
    vhostBuckets: false,
    allowMismatchedSignatures: options.allowMismatchedSignatures ?? false,
    configureBuckets: (options.buckets ?? []).map((bucket) =>
      typeof bucket === 'string' ? { name: bucket } : bucket,
    ),
  })
  let port: number
  try {
    ;({ port } = await server.run())
  } catch (error) {
    await rm(directory, { recursive: true, force: true })
    throw error
  }
  const endpoint = `http://127.0.0.1:${port}`

  let closing: Promise<void> | undefined
  const close = () => {
    closing ??= (async () => {
      try {
        const stopped = server.close()
        // Keep-alive sockets of clients the test did not destroy would hold close() open.
        server.httpServer?.closeAllConnections()
        await stopped
      } finally {
        await rm(directory, { recursive: true, force: true })
      }
    })()
    return closing
  }

  return {
    endpoint,
    port,
    directory,
    server,
    get clientConfig() {
      return s3rverClientConfig(endpoint)
    },
    close,
    [Symbol.asyncDispose]: close,
  }
}

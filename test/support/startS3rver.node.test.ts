import { existsSync } from 'node:fs'
import {
  GetObjectCommand,
  HeadBucketCommand,
  PutObjectCommand,
  S3Client,
  S3ServiceException,
} from '@aws-sdk/client-s3'
import type { S3ClientConfig } from '@aws-sdk/client-s3'
import { afterEach, describe, expect, it } from 'vitest'
import { s3rverClientConfig, startS3rver } from './startS3rver.js'
import type { RunningS3rver } from './startS3rver.js'

describe('startS3rver', () => {
  let s3rver: RunningS3rver | undefined
  const clients: S3Client[] = []
  afterEach(async () => {
    for (const client of clients.splice(0)) client.destroy()
    await s3rver?.close()
    s3rver = undefined
  })
  const s3 = (config: S3ClientConfig) => {
    const client = new S3Client(config)
    clients.push(client)
    return client
  }

  it('serves a real S3Client round trip on 127.0.0.1 with pre-configured buckets', async () => {
    s3rver = await startS3rver({ buckets: ['demo'] })
    expect(s3rver.endpoint).toBe(`http://127.0.0.1:${s3rver.port}`)
    expect(s3rver.clientConfig).toEqual(s3rverClientConfig(s3rver.endpoint))
    expect(s3rver.clientConfig).toEqual({
      endpoint: s3rver.endpoint,
      region: 'us-east-1',
      forcePathStyle: true,
      credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
    })

    const client = s3(s3rver.clientConfig)
    await client.send(
      new PutObjectCommand({ Bucket: 'demo', Key: 'dir/hello.txt', Body: 'hello, s3rver' }),
    )
    const { Body, ContentLength } = await client.send(
      new GetObjectCommand({ Bucket: 'demo', Key: 'dir/hello.txt' }),
    )
    expect(ContentLength).toBe(13)
    expect(await Body!.transformToString()).toBe('hello, s3rver')
  })

  it('refuses an access key id it does not know (s3rver 3.7 does not check SigV4 signatures)', async () => {
    s3rver = await startS3rver({ buckets: ['demo'] })
    const client = s3({
      ...s3rver.clientConfig,
      credentials: { accessKeyId: 'UNKNOWN', secretAccessKey: 'S3RVER' },
      maxAttempts: 1,
    })
    const error: unknown = await client
      .send(new GetObjectCommand({ Bucket: 'demo', Key: 'missing' }))
      .then(
        () => undefined,
        (reason: unknown) => reason,
      )
    expect(error).toBeInstanceOf(S3ServiceException)
    expect((error as S3ServiceException).name).toBe('InvalidAccessKeyId')
    expect((error as S3ServiceException).$metadata.httpStatusCode).toBe(403)
  })

  it('removes its directory on close, and close is idempotent', async () => {
    s3rver = await startS3rver()
    const { directory } = s3rver
    expect(existsSync(directory)).toBe(true)
    await Promise.all([s3rver.close(), s3rver.close()])
    expect(existsSync(directory)).toBe(false)
  })

  it('closes promptly while a client still holds a keep-alive connection', async () => {
    s3rver = await startS3rver({ buckets: ['demo'] })
    const client = s3(s3rver.clientConfig)
    await client.send(new HeadBucketCommand({ Bucket: 'demo' }))
    await s3rver.close() // would wait for the idle keep-alive socket without closeAllConnections
  })
})

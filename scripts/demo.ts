/**
 * `npm run demo`: the README quickstart, run for real against a local
 * S3 (s3rver on 127.0.0.1), offline. It prints what the cache did.
 */
import { mkdtemp, rm } from 'node:fs/promises'
import { tmpdir } from 'node:os'
import { join } from 'node:path'
import {
  CreateBucketCommand,
  ListObjectsV2Command,
  PutObjectCommand,
  S3Client,
} from '@aws-sdk/client-s3'
import S3rver from 's3rver'
import { Session, client, setupDefaultSession } from '../src/index.js'

const directory = await mkdtemp(join(tmpdir(), 'aws-client-cache-demo-'))
const server = new S3rver({ address: '127.0.0.1', port: 0, silent: true, directory })
const { port } = (await server.run()) as { port: number }
const endpoint = `http://127.0.0.1:${port}`
const local = {
  endpoint,
  forcePathStyle: true,
  credentials: { accessKeyId: 'S3RVER', secretAccessKey: 'S3RVER' },
}

try {
  // 1. The default session: client() twice gives one client.
  const s3 = client(S3Client, { region: 'us-west-2', ...local })
  console.log(
    '1. client(S3Client) twice → same client:',
    s3 === client(S3Client, { ...local, region: 'us-west-2' }),
  )

  // 2. A session: its region and credentials are part of every key.
  const session = new Session({
    region: 'us-east-1',
    credentials: local.credentials,
    clientConfig: { endpoint, forcePathStyle: true },
  })
  const a = session.client(S3Client)
  console.log(
    '2. session.client(S3Client) twice → same client:',
    a === session.client(S3Client, { region: 'us-east-1' }),
  )
  await a.send(new CreateBucketCommand({ Bucket: 'demo' }))
  await a.send(
    new PutObjectCommand({ Bucket: 'demo', Key: 'hello.txt', Body: 'hello from aws-client-cache' }),
  )
  const listed = await session.client(S3Client).send(new ListObjectsV2Command({ Bucket: 'demo' }))
  console.log(
    '   listed through the cached client:',
    listed.Contents?.map((object) => object.Key),
  )

  // 3. A new default session.
  setupDefaultSession({ region: 'us-east-1', clientConfig: local })
  console.log(
    '3. after setupDefaultSession, client(S3Client) twice → same client:',
    client(S3Client) === client(S3Client),
  )

  console.log('\nThe session cache now:')
  console.log(String(session.cache.client.LRU))
  console.log('\nStats:', session.snapshot().stats)
  await session.dispose()
  console.log('Disposed: every client destroyed once idle.')
} finally {
  await server.close()
  await rm(directory, { recursive: true, force: true })
}

/**
 * What a session saves on the wire, counted by real servers on 127.0.0.1 with real SDK clients.
 *
 * - credentials: the sandbox's Cognito Identity counts `GetCredentialsForIdentity`. Naive: a new
 *   S3Client with its own `fromCognitoIdentityPool` provider per operation (each resolves its own
 *   credentials). Cached: every operation through `session.client(S3Client)` of one session built
 *   with one such provider.
 * - sockets: a `node:http` server counts accepted TCP connections for N sequential operations.
 *   Naive: a new S3Client (so a new keep-alive Agent) per operation. Cached: `session.client`.
 *
 * These are counts, not timings: the same every round, so one round each is enough (the JSON
 * says so).
 */
import { ListBucketsCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { fromCognitoIdentityPool } from '@aws-sdk/credential-providers'
import { startSandbox } from '../playground/sandbox/startSandbox.js'
import { startTestServer } from '../test/support/startTestServer.js'
import { Session } from '../src/index.js'

export interface CredentialResults {
  operations: number
  naiveGetCredentialsForIdentity: number
  cachedGetCredentialsForIdentity: number
  naiveGetId: number
  cachedGetId: number
  naiveMs: number
  cachedMs: number
}

export interface SocketResults {
  operations: number
  naiveConnections: number
  cachedConnections: number
}

const LIST_BUCKETS =
  '<?xml version="1.0" encoding="UTF-8"?><ListAllMyBucketsResult><Buckets></Buckets></ListAllMyBucketsResult>'

/** The SDK otherwise keeps identity ids in a process-wide store; count GetId honestly too. */
function noIdentityCache() {
  const store = new Map<string, string>()
  return {
    getItem: (key: string) => store.get(key) ?? null,
    removeItem: (key: string) => void store.delete(key),
    setItem: (key: string, value: string) => void store.set(key, value),
  }
}

export async function runCredentials(operations = 20): Promise<CredentialResults> {
  const sandbox = await startSandbox({ s3Port: 0, cognitoPort: 0 })
  try {
    const cognitoProvider = () =>
      fromCognitoIdentityPool({
        identityPoolId: sandbox.identityPoolId,
        clientConfig: { region: sandbox.region, endpoint: sandbox.cognitoEndpoint },
        cache: noIdentityCache(),
      })
    const s3Config = { region: sandbox.region, endpoint: sandbox.s3Endpoint, forcePathStyle: true }
    const list = new ListObjectsV2Command({ Bucket: sandbox.bucket, Prefix: 'public/' })

    sandbox.reset()
    let start = performance.now()
    for (let i = 0; i < operations; i++) {
      const s3 = new S3Client({ ...s3Config, credentials: cognitoProvider() })
      await s3.send(list)
      s3.destroy()
    }
    const naiveMs = performance.now() - start
    const naive = sandbox.stats()

    sandbox.reset()
    start = performance.now()
    const session = new Session({
      region: sandbox.region,
      credentials: cognitoProvider(),
      clientConfig: { endpoint: sandbox.s3Endpoint, forcePathStyle: true },
    })
    for (let i = 0; i < operations; i++) await session.client(S3Client).send(list)
    const cachedMs = performance.now() - start
    const cached = sandbox.stats()
    await session.dispose()

    if (naive.s3Requests !== operations || cached.s3Requests !== operations) {
      throw new Error(
        `expected ${operations} S3 requests each, got ${naive.s3Requests} / ${cached.s3Requests}`,
      )
    }
    return {
      operations,
      naiveGetCredentialsForIdentity: naive.GetCredentialsForIdentity,
      cachedGetCredentialsForIdentity: cached.GetCredentialsForIdentity,
      naiveGetId: naive.GetId,
      cachedGetId: cached.GetId,
      naiveMs: Math.round(naiveMs),
      cachedMs: Math.round(cachedMs),
    }
  } finally {
    await sandbox.close()
  }
}

export async function runSockets(operations = 20): Promise<SocketResults> {
  const respond = { body: LIST_BUCKETS, headers: { 'content-type': 'application/xml' } }
  const naiveServer = await startTestServer({ respond })
  const cachedServer = await startTestServer({ respond })
  const clients: S3Client[] = []
  try {
    for (let i = 0; i < operations; i++) {
      const s3 = new S3Client(naiveServer.s3ClientConfig)
      clients.push(s3) // kept until the end, as an app that builds a client per call would
      await s3.send(new ListBucketsCommand({}))
    }
    const session = new Session()
    for (let i = 0; i < operations; i++) {
      await session.client(S3Client, cachedServer.s3ClientConfig).send(new ListBucketsCommand({}))
    }
    await session.dispose()
    return {
      operations,
      naiveConnections: naiveServer.connections,
      cachedConnections: cachedServer.connections,
    }
  } finally {
    for (const s3 of clients) s3.destroy()
    await Promise.all([naiveServer.close(), cachedServer.close()])
  }
}

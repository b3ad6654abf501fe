/**
 * Churn: tens of thousands of distinct keys, each with its own secrets, through a session whose
 * caches hold 10 entries. Nothing may keep the evicted keys, clients or secrets alive.
 *
 *     node --expose-gc --conditions=source --import tsx test/churn/churn.ts [calls] [client]
 *
 * `calls` defaults to 20,000; `client` is `fake` (default: a class with send, destroy, config and
 * middlewareStack) or `s3` (a real S3Client, constructed only). After a warm-up of 1,000 calls it
 * measures `heapUsed` after forced garbage collection (letting FinalizationRegistry callbacks
 * run), makes `calls` more calls, measures again, and prints one JSON line:
 * `{ calls, client, heapGrowthBytes, internedSecrets, cached, startHeapBytes, endHeapBytes }`.
 *
 * `internedSecretCount()` is internal (the table of interned secret tokens); it is imported from
 * the source, which is fine for a leak test.
 *
 * @module
 */
import { randomBytes } from 'node:crypto'
import { S3Client } from '@aws-sdk/client-s3'
import { Session } from 'aws-client-cache'
import { internedSecretCount } from '../../src/keys/secretTokens.js'

const gc = (globalThis as { gc?: () => void }).gc
if (gc === undefined) {
  console.error('churn.ts needs --expose-gc')
  process.exit(2)
}

const calls = Number(process.argv[2] ?? 20_000)
const kind = process.argv[3] ?? 'fake'
if (!Number.isSafeInteger(calls) || calls < 1) throw new Error(`bad call count ${process.argv[2]}`)
if (kind !== 'fake' && kind !== 's3') throw new Error(`bad client kind ${kind} (fake or s3)`)

/** The shape of an AWS SDK v3 client, and nothing more. */
class FakeClient {
  readonly config: Record<string, unknown>
  readonly middlewareStack = { add: (_middleware: unknown, _options: object): void => {} }
  constructor(config: Record<string, unknown>) {
    this.config = { ...config, serviceId: 'Fake' }
  }
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

const ClientClass = kind === 's3' ? S3Client : FakeClient
const session = new Session({ defaults: { maxSize: 10 } })
let n = 0

function churn(count: number): void {
  for (let i = 0; i < count; i++, n++) {
    session.client(ClientClass, {
      region: 'us-east-1',
      credentials: {
        accessKeyId: `AKID${n}`,
        secretAccessKey: randomBytes(30).toString('base64'),
      },
    })
  }
}

/** `heapUsed` after full collections, with turns of the event loop for finalizers between. */
async function settledHeap(): Promise<number> {
  for (let i = 0; i < 6; i++) {
    gc!()
    await new Promise((resolve) => setImmediate(resolve))
    await new Promise((resolve) => setTimeout(resolve, 5))
  }
  return process.memoryUsage().heapUsed
}

churn(1_000)
// Evicted clients are destroyed once idle, in a later turn; let those run.
await new Promise((resolve) => setTimeout(resolve, 10))
const startHeapBytes = await settledHeap()
churn(calls)
await new Promise((resolve) => setTimeout(resolve, 10))
const endHeapBytes = await settledHeap()

console.log(
  JSON.stringify({
    calls,
    client: kind,
    heapGrowthBytes: endHeapBytes - startHeapBytes,
    internedSecrets: internedSecretCount(),
    cached: session.cache.client.LRU.size,
    startHeapBytes,
    endHeapBytes,
  }),
)

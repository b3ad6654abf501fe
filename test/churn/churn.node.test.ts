/**
 * Churn (Node only): distinct keys with secrets through a session of maxSize 10 must not grow
 * the retained heap, and must release their interned secrets. Each run is a child process
 * (`churn.ts`) started with `--expose-gc`, so it can force collections and measure `heapUsed`.
 */
import { execFile } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { beforeAll, describe, expect, it } from 'vitest'

const ROOT = fileURLToPath(new URL('../../', import.meta.url))
const MiB = 1024 * 1024

interface ChurnResult {
  calls: number
  client: 'fake' | 's3'
  heapGrowthBytes: number
  internedSecrets: number
  cached: number
  startHeapBytes: number
  endHeapBytes: number
}

/** `node --expose-gc --conditions=source --import tsx test/churn/churn.ts <calls> <client>` */
function churn(calls: number, client: 'fake' | 's3'): Promise<ChurnResult> {
  const args = [
    '--expose-gc',
    '--conditions=source',
    '--import',
    'tsx',
    'test/churn/churn.ts',
    String(calls),
    client,
  ]
  const env: NodeJS.ProcessEnv = {
    ...process.env,
    AWS_SDK_JS_NODE_VERSION_SUPPORT_WARNING_DISABLED: 'true',
  }
  delete env.NODE_OPTIONS
  return new Promise((resolve, reject) => {
    execFile(
      process.execPath,
      args,
      { cwd: ROOT, env, timeout: 90_000 },
      (error, stdout, stderr) => {
        if (error) {
          reject(new Error(`churn.ts ${calls} ${client} failed: ${error.message}\n${stderr}`))
          return
        }
        const line = stdout.trim().split('\n').at(-1) ?? ''
        try {
          resolve(JSON.parse(line) as ChurnResult)
        } catch {
          reject(new Error(`churn.ts printed no JSON result:\n${stdout}\n${stderr}`))
        }
      },
    )
  })
}

/** At most two secrets (accessKeyId, secretAccessKey) per cached key, plus a little slack. */
const MAX_INTERNED = 2 * 10 + 4

let fake: ChurnResult
let s3: ChurnResult
let fakeLong: ChurnResult

beforeAll(async () => {
  // Sequential: two at once would compete for this machine's two cores with other test files.
  fake = await churn(20_000, 'fake')
  s3 = await churn(20_000, 's3')
  fakeLong = await churn(100_000, 'fake')
}, 120_000)

describe('churn through a session with maxSize 10', () => {
  it('20,000 distinct keys with secrets (fake clients): heap grows < 5 MiB, secrets released', () => {
    expect(fake.calls).toBe(20_000)
    expect(fake.cached).toBe(10)
    expect(fake.heapGrowthBytes, JSON.stringify(fake)).toBeLessThan(5 * MiB)
    expect(fake.internedSecrets, JSON.stringify(fake)).toBeLessThanOrEqual(MAX_INTERNED)
  })

  it('20,000 distinct keys with secrets (real S3Clients): heap grows < 5 MiB, secrets released', () => {
    expect(s3.calls).toBe(20_000)
    expect(s3.cached).toBe(10)
    expect(s3.heapGrowthBytes, JSON.stringify(s3)).toBeLessThan(5 * MiB)
    expect(s3.internedSecrets, JSON.stringify(s3)).toBeLessThanOrEqual(MAX_INTERNED)
  })

  it('retained heap does not grow with the number of keys (100,000 keys: < 2 MiB)', () => {
    // A per-key leak of a few dozen bytes passes the 20,000-key bound above; five times the keys
    // and a tighter bound catch it.
    expect(fakeLong.cached).toBe(10)
    expect(fakeLong.heapGrowthBytes, JSON.stringify(fakeLong)).toBeLessThan(2 * MiB)
    expect(fakeLong.internedSecrets, JSON.stringify(fakeLong)).toBeLessThanOrEqual(MAX_INTERNED)
  })
})

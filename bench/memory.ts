/**
 * Retained heap of `calls` client requests over `configs` distinct configs. Runs in a child
 * process started with `--expose-gc` (see `runMemory`), so it starts from a clean heap and can
 * force full collections.
 *
 * Method: a results array of `calls` slots is allocated before the baseline, so it counts in
 * neither figure. Then `gc()`, read `heapUsed`, make the calls keeping every result in the array
 * (as an app that builds a client per call and keeps it — in a request context, a queue, a
 * closure — would), `gc()` again and read `heapUsed`: the difference is what the results retain.
 * Naive: `new S3Client(config)` per call. Cached: `session.client(S3Client, config)` per call of
 * one session (the session itself is counted). One warm-up round of each, then the median of
 * `rounds`.
 */
import './env.js'
import { spawn } from 'node:child_process'
import { fileURLToPath } from 'node:url'
import { S3Client } from '@aws-sdk/client-s3'
import { Session } from '../src/index.js'
import { median } from './stats.js'

export interface MemoryResults {
  calls: number
  configs: number
  naiveHeapBytes: number
  cachedHeapBytes: number
  naiveOverCached: number
  rounds: number
  warmupRounds: number
}

declare const gc: (() => void) | undefined

function collect(): number {
  if (typeof gc !== 'function') throw new Error('memory.ts needs node --expose-gc')
  gc()
  gc()
  return process.memoryUsage().heapUsed
}

function measure(calls: number, regions: string[], naive: boolean): number {
  const held: unknown[] = new Array<unknown>(calls).fill(null)
  const before = collect()
  let session: Session | undefined
  if (naive) {
    for (let i = 0; i < calls; i++) held[i] = new S3Client({ region: regions[i % regions.length] })
  } else {
    session = new Session()
    for (let i = 0; i < calls; i++) {
      held[i] = session.client(S3Client, { region: regions[i % regions.length] })
    }
  }
  const after = collect()
  // Keep `held` and `session` reachable until after the second reading.
  if (held.length !== calls || (session !== undefined && session.cache.client.LRU.size === 0)) {
    throw new Error('unreachable')
  }
  return after - before
}

export function measureMemory(calls = 10_000, configs = 10, rounds = 3): MemoryResults {
  const regions = Array.from({ length: configs }, (_, i) => `us-bench-${i + 1}`)
  measure(calls, regions, true)
  measure(calls, regions, false)
  const naive: number[] = []
  const cached: number[] = []
  for (let round = 0; round < rounds; round++) {
    naive.push(measure(calls, regions, true))
    cached.push(measure(calls, regions, false))
  }
  const naiveHeapBytes = Math.round(median(naive))
  const cachedHeapBytes = Math.round(median(cached))
  return {
    calls,
    configs,
    naiveHeapBytes,
    cachedHeapBytes,
    naiveOverCached: Math.round(naiveHeapBytes / cachedHeapBytes),
    rounds,
    warmupRounds: 1,
  }
}

/** Runs {@link measureMemory} in a fresh `node --expose-gc` child and returns its result. */
export function runMemory(): Promise<MemoryResults> {
  const script = fileURLToPath(import.meta.url)
  return new Promise((resolve, reject) => {
    const child = spawn(
      process.execPath,
      ['--expose-gc', '--conditions=source', '--import', 'tsx', script, '--child'],
      { stdio: ['ignore', 'pipe', 'inherit'], cwd: fileURLToPath(new URL('..', import.meta.url)) },
    )
    let out = ''
    child.stdout.setEncoding('utf8')
    child.stdout.on('data', (chunk: string) => (out += chunk))
    child.on('error', reject)
    child.on('close', (code) => {
      if (code !== 0) reject(new Error(`memory child exited with ${code}`))
      else resolve(JSON.parse(out) as MemoryResults)
    })
  })
}

if (process.argv.includes('--child')) {
  process.stdout.write(JSON.stringify(measureMemory()))
}

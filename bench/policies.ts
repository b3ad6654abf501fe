/**
 * The eviction policies under one get-heavy workload with eviction: every operation is a
 * `get(key)`, and a miss `set`s the key's value (evicting when full). Keys follow a Zipf law
 * (s = 1) over 1,000 keys; the caches hold 100. Our caches get pre-built `ClientCacheKey`s and
 * client-like values; lru-cache and mnemonist get the equivalent pre-built strings.
 *
 * The four caches run interleaved (A B C D, A B C D, …), each round on a fresh cache over the
 * same trace, so a noisy neighbour slows every contender alike; the figure is the median round.
 */
import { LRUCache } from 'lru-cache'
import { LRUCache as MnemonistLRUCache } from 'mnemonist'
import { ClientCacheKey, LFUClientCache, LRUClientCache } from '../src/index.js'
import { median, zipfTrace } from './stats.js'

export const POLICY_KEYS = 1000
export const POLICY_MAX_SIZE = 100
export const POLICY_ZIPF_S = 1
export const POLICY_TRACE_LENGTH = 100_000

export interface PolicyResults {
  workload: string
  rounds: number
  warmupRounds: number
  opsPerSec: Record<'LRUClientCache' | 'LFUClientCache' | 'lru-cache' | 'mnemonist', number>
  /** Share of operations that hit, per contender. */
  hitRatio: Record<'LRUClientCache' | 'LFUClientCache' | 'lru-cache' | 'mnemonist', number>
  /** Median over rounds of the per-round ratio (robust to load drift between rounds). */
  ratios: { lruVsLruCache: number; lfuVsLru: number; lruVsMnemonist: number }
}

/** The smallest value a client cache accepts. */
class FakeClient {
  readonly config: { region: string }
  constructor(config: { region: string }) {
    this.config = config
  }
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

type Runner = () => number

export function runPolicies(rounds = 15, warmupRounds = 5): PolicyResults {
  const trace = zipfTrace(POLICY_KEYS, POLICY_ZIPF_S, POLICY_TRACE_LENGTH, 0x5eed)
  const keys = Array.from(
    { length: POLICY_KEYS },
    (_, i) => new ClientCacheKey(FakeClient, { region: `region-${i}` }),
  )
  const names = keys.map((_, i) => `region-${i}`)
  const values = names.map((region) => new FakeClient({ region }))
  const length = trace.length

  // One loop per contender (not one shared generic loop), so no contender's call sites are
  // made polymorphic by another's.
  const runners: Record<keyof PolicyResults['opsPerSec'], Runner> = {
    LRUClientCache: () => {
      const cache = new LRUClientCache<FakeClient>({ maxSize: POLICY_MAX_SIZE })
      let hits = 0
      for (let i = 0; i < length; i++) {
        const n = trace[i] as number
        const key = keys[n] as ClientCacheKey
        if (cache.get(key) === undefined) cache.set(key, values[n] as FakeClient)
        else hits++
      }
      return hits
    },
    LFUClientCache: () => {
      const cache = new LFUClientCache<FakeClient>({ maxSize: POLICY_MAX_SIZE })
      let hits = 0
      for (let i = 0; i < length; i++) {
        const n = trace[i] as number
        const key = keys[n] as ClientCacheKey
        if (cache.get(key) === undefined) cache.set(key, values[n] as FakeClient)
        else hits++
      }
      return hits
    },
    'lru-cache': () => {
      const cache = new LRUCache<string, FakeClient>({ max: POLICY_MAX_SIZE })
      let hits = 0
      for (let i = 0; i < length; i++) {
        const n = trace[i] as number
        const key = names[n] as string
        if (cache.get(key) === undefined) cache.set(key, values[n])
        else hits++
      }
      return hits
    },
    mnemonist: () => {
      const cache = new MnemonistLRUCache<string, FakeClient>(POLICY_MAX_SIZE)
      let hits = 0
      for (let i = 0; i < length; i++) {
        const n = trace[i] as number
        const key = names[n] as string
        if (cache.get(key) === undefined) cache.set(key, values[n] as FakeClient)
        else hits++
      }
      return hits
    },
  }

  const entries = Object.entries(runners) as Array<[keyof PolicyResults['opsPerSec'], Runner]>
  const samples = new Map(entries.map(([name]) => [name, [] as number[]]))
  const hitRatio = {} as PolicyResults['hitRatio']
  for (let round = 0; round < warmupRounds + rounds; round++) {
    // Rotate who goes first, so no contender always runs right after the same other one.
    for (let j = 0; j < entries.length; j++) {
      const [name, run] = entries[(round + j) % entries.length] as [
        keyof PolicyResults['opsPerSec'],
        Runner,
      ]
      const start = process.hrtime.bigint()
      const hits = run()
      const ns = Number(process.hrtime.bigint() - start)
      hitRatio[name] = hits / length
      if (round >= warmupRounds) samples.get(name)?.push((length / ns) * 1e9)
    }
  }
  const opsPerSec = Object.fromEntries(
    [...samples].map(([name, values]) => [name, Math.round(median(values))]),
  ) as PolicyResults['opsPerSec']
  const ratio = (a: keyof PolicyResults['opsPerSec'], b: keyof PolicyResults['opsPerSec']) => {
    const as = samples.get(a) as number[]
    const bs = samples.get(b) as number[]
    return Math.round(median(as.map((value, i) => value / (bs[i] as number))) * 1000) / 1000
  }
  return {
    workload: `get-or-set, Zipf(s=${POLICY_ZIPF_S}) over ${POLICY_KEYS} keys, maxSize ${POLICY_MAX_SIZE}, ${POLICY_TRACE_LENGTH} ops per round`,
    rounds,
    warmupRounds,
    opsPerSec,
    hitRatio,
    ratios: {
      lruVsLruCache: ratio('LRUClientCache', 'lru-cache'),
      lfuVsLru: ratio('LFUClientCache', 'LRUClientCache'),
      lruVsMnemonist: ratio('LRUClientCache', 'mnemonist'),
    },
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  console.log(runPolicies(Number(process.argv[2] ?? 15)))
}

/**
 * The eviction policies under one get-heavy workload with eviction: every operation is a
 * `get(key)`, and a miss `set`s the key's value (evicting when full). Keys follow a Zipf law
 * (s = 1) over 1,000 keys; the caches hold 100. Our caches get pre-built `ClientCacheKey`s and
 * client-like values; lru-cache and mnemonist get the equivalent pre-built strings.
 *
 * Method: after warm-up passes, `runs` runs (at least 5) in this one process. A run is `passes`
 * rounds; in a round every contender makes one pass over the same trace on a fresh cache, the
 * contenders interleaved so a noisy neighbour slows all of them alike. The order rotates from
 * round to round and is reversed every other round, so of any two contenders each goes first
 * equally often. A contender's figure for a run is its median pass; a ratio's figure for a run is
 * the quotient of the two contenders' figures in that run. Reported: the median of the per-run
 * ratios and their spread (min–max), and each contender's median over runs.
 */
import { LRUCache } from 'lru-cache'
import { LRUCache as MnemonistLRUCache } from 'mnemonist'
import { ClientCacheKey, LFUClientCache, LRUClientCache } from '../src/index.js'
import { median, zipfTrace } from './stats.js'

export const POLICY_KEYS = 1000
export const POLICY_MAX_SIZE = 100
export const POLICY_ZIPF_S = 1
export const POLICY_TRACE_LENGTH = 100_000

export type PolicyContender = 'LRUClientCache' | 'LFUClientCache' | 'lru-cache' | 'mnemonist'

/** One ratio of ops/s over the runs: its median, its spread, and every run's value. */
export interface RatioOverRuns {
  median: number
  min: number
  max: number
  perRun: number[]
}

export interface PolicyResults {
  workload: string
  runs: number
  passesPerRun: number
  warmupPasses: number
  /** Median over runs of each contender's per-run figure (its median pass). */
  opsPerSec: Record<PolicyContender, number>
  /** Share of operations that hit, per contender. */
  hitRatio: Record<PolicyContender, number>
  /** Per-run ratios of ops/s (a / b, measured in the same run), their median and spread. */
  ratios: {
    /** LRUClientCache / lru-cache (goal ≥ 1.0). */
    lruVsLruCache: RatioOverRuns
    /** LFUClientCache / LRUClientCache (goal ≥ 0.9). */
    lfuVsLru: RatioOverRuns
    /** LRUClientCache / mnemonist (for reference). */
    lruVsMnemonist: RatioOverRuns
  }
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

export const POLICY_MIN_RUNS = 5

export function runPolicies(runs = 9, passesPerRun = 5, warmupPasses = 5): PolicyResults {
  if (!(Number.isInteger(runs) && runs >= POLICY_MIN_RUNS)) {
    throw new RangeError(`Expected runs to be an integer ≥ ${POLICY_MIN_RUNS}, got ${runs}`)
  }
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
  const runners: Record<PolicyContender, Runner> = {
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

  const entries = Object.entries(runners) as Array<[PolicyContender, Runner]>
  const hitRatio = {} as PolicyResults['hitRatio']
  /** One pass of every contender, in the order given by the round number. */
  const round = (index: number): Map<PolicyContender, number> => {
    const order = entries.map((_, j) => entries[(j + (index >> 1)) % entries.length]) as Array<
      [PolicyContender, Runner]
    >
    if (index % 2 === 1) order.reverse()
    const opsPerSec = new Map<PolicyContender, number>()
    for (const [name, run] of order) {
      const start = process.hrtime.bigint()
      const hits = run()
      const ns = Number(process.hrtime.bigint() - start)
      hitRatio[name] = hits / length
      opsPerSec.set(name, (length / ns) * 1e9)
    }
    return opsPerSec
  }
  let roundIndex = 0
  for (let pass = 0; pass < warmupPasses; pass++) round(roundIndex++)
  /** Per contender, its figure (median pass, ops/s) in each run. */
  const perRun = new Map(entries.map(([name]) => [name, [] as number[]]))
  for (let r = 0; r < runs; r++) {
    const passes = new Map(entries.map(([name]) => [name, [] as number[]]))
    for (let pass = 0; pass < passesPerRun; pass++) {
      for (const [name, ops] of round(roundIndex++)) passes.get(name)?.push(ops)
    }
    for (const [name, values] of passes) perRun.get(name)?.push(median(values))
  }
  const opsPerSec = Object.fromEntries(
    [...perRun].map(([name, values]) => [name, Math.round(median(values))]),
  ) as PolicyResults['opsPerSec']
  const ratio = (a: PolicyContender, b: PolicyContender): RatioOverRuns => {
    const bs = perRun.get(b) as number[]
    const values = (perRun.get(a) as number[]).map((value, i) => value / (bs[i] as number))
    const r3 = (value: number) => Math.round(value * 1000) / 1000
    return {
      median: r3(median(values)),
      min: r3(Math.min(...values)),
      max: r3(Math.max(...values)),
      perRun: values.map(r3),
    }
  }
  return {
    workload: `get-or-set, Zipf(s=${POLICY_ZIPF_S}) over ${POLICY_KEYS} keys, maxSize ${POLICY_MAX_SIZE}, ${POLICY_TRACE_LENGTH} ops per pass`,
    runs,
    passesPerRun,
    warmupPasses,
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
  console.log(JSON.stringify(runPolicies(Number(process.argv[2] ?? 9)), null, 2))
}

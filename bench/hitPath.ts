/**
 * The session's hit path against its floor (`Map.get`) and the construction it saves
 * (`new S3Client`). tinybench times one sample per task call; a call runs a batch of operations
 * (the timer's own cost, ~30–100 ns, would otherwise swamp a 70 ns operation), and a figure is
 * the median sample divided by the batch size.
 */
import { S3Client } from '@aws-sdk/client-s3'
import { Bench } from 'tinybench'
import { Session } from '../src/index.js'
import { round } from './stats.js'

export interface HitPathResults {
  sessionClientHitNs: number
  sessionClientHitWithCredentialsNs: number
  /**
   * A hit while one listener keeps every event in a 500-slot ring (what the devtools do while
   * mounted and closed): the hit then builds its event.
   */
  sessionClientHitSubscribedNs: number
  /** The same with the static credentials passed in each call's config (the exact, unmemoized path). */
  sessionClientHitCallCredentialsNs: number
  mapGetNs: number
  newS3ClientNs: number
  /** `newS3ClientNs / sessionClientHitNs`. */
  constructionOverHit: number
  samples: Record<string, number>
  batch: Record<string, number>
}

const HIT_BATCH = 1000
const CONSTRUCT_BATCH = 10

/** Defeats dead-code elimination: every result flows into this. */
let sink: unknown

export async function runHitPath(timeMs = 1000): Promise<HitPathResults> {
  const credentials = { accessKeyId: 'AKIDBENCHEXAMPLE', secretAccessKey: 'bench-secret' }
  const plain = new Session()
  const withCredentials = new Session({ credentials })
  const callCredentials = new Session()
  const subscribed = new Session()
  const ring: unknown[] = new Array(500)
  let next = 0
  subscribed.subscribe((event) => {
    ring[next] = event
    next = (next + 1) % ring.length
  })
  const map = new Map<string, object>()
  for (let i = 0; i < 10; i++) map.set(`us-east-${i}`, { i })
  const mapKey = 'us-east-1'

  const bench = new Bench({ time: timeMs, warmupTime: Math.max(200, timeMs / 4) })
  bench
    .add('session.client hit', () => {
      let last: unknown
      for (let i = 0; i < HIT_BATCH; i++) last = plain.client(S3Client, { region: 'us-east-1' })
      sink = last
    })
    .add('session.client hit, one listener (ring buffer)', () => {
      let last: unknown
      for (let i = 0; i < HIT_BATCH; i++)
        last = subscribed.client(S3Client, { region: 'us-east-1' })
      sink = last
    })
    .add('session.client hit, static credentials + 3 fields', () => {
      let last: unknown
      for (let i = 0; i < HIT_BATCH; i++) {
        last = withCredentials.client(S3Client, {
          region: 'us-east-1',
          maxAttempts: 3,
          forcePathStyle: true,
        })
      }
      sink = last
    })
    .add('session.client hit, credentials in the call config', () => {
      let last: unknown
      for (let i = 0; i < HIT_BATCH; i++) {
        last = callCredentials.client(S3Client, {
          region: 'us-east-1',
          credentials: { accessKeyId: 'AKIDBENCHEXAMPLE', secretAccessKey: 'bench-secret' },
          maxAttempts: 3,
        })
      }
      sink = last
    })
    .add('Map.get (ready string key)', () => {
      let last: unknown
      for (let i = 0; i < HIT_BATCH; i++) last = map.get(mapKey)
      sink = last
    })
    .add('new S3Client({ region })', () => {
      let last: unknown
      for (let i = 0; i < CONSTRUCT_BATCH; i++) last = new S3Client({ region: 'us-east-1' })
      sink = last
    })
  await bench.run()
  void sink

  const perOp = (name: string, batch: number) => {
    const task = bench.getTask(name)
    const result = task?.result
    if (result === undefined || !('latency' in result)) throw new Error(`no result for ${name}`)
    return { ns: (result.latency.p50 * 1e6) / batch, samples: result.latency.samplesCount }
  }
  const hit = perOp('session.client hit', HIT_BATCH)
  const hitSubscribed = perOp('session.client hit, one listener (ring buffer)', HIT_BATCH)
  const hitCredentials = perOp('session.client hit, static credentials + 3 fields', HIT_BATCH)
  const hitCall = perOp('session.client hit, credentials in the call config', HIT_BATCH)
  const mapGet = perOp('Map.get (ready string key)', HIT_BATCH)
  const construct = perOp('new S3Client({ region })', CONSTRUCT_BATCH)
  return {
    sessionClientHitNs: round(hit.ns),
    sessionClientHitSubscribedNs: round(hitSubscribed.ns),
    sessionClientHitWithCredentialsNs: round(hitCredentials.ns),
    sessionClientHitCallCredentialsNs: round(hitCall.ns),
    mapGetNs: round(mapGet.ns, 2),
    newS3ClientNs: round(construct.ns, 0),
    constructionOverHit: round(construct.ns / hit.ns, 0),
    samples: {
      sessionClientHit: hit.samples,
      sessionClientHitSubscribed: hitSubscribed.samples,
      sessionClientHitWithCredentials: hitCredentials.samples,
      sessionClientHitCallCredentials: hitCall.samples,
      mapGet: mapGet.samples,
      newS3Client: construct.samples,
    },
    batch: { hit: HIT_BATCH, newS3Client: CONSTRUCT_BATCH },
  }
}

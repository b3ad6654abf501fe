/**
 * Calls `session.client()` with the configs and cache options you pick, and shows both client
 * caches (in eviction order, next victim first), why each call missed, the session's
 * `UNSTABLE_CONFIG` warnings and the events as they happen.
 *
 * Nothing here re-renders on a timer: the caches re-render when the session's snapshot changes
 * (after events, at most once a frame), and only their "used … ago" texts follow the clock.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type {
  CacheEvent,
  CredentialsEvent,
  EvictionPolicy,
  MissCause,
  RequestEvent,
  ResponseEvent,
} from 'aws-client-cache'
import { useState } from 'react'
import { config, describeError, PUBLIC_PREFIX, session } from '../aws.js'
import { useClock, type Tick } from '../clock.js'
import { useSessionEvents, useSessionSnapshot } from '../hooks.js'
import { CacheColumn } from './CacheColumn.js'
import { describeCause, describeEvent } from './labText.js'
import { Code, ErrorMessage, Panel } from './ui.js'
import { UnstableConfigWarnings } from './UnstableConfigWarnings.js'

export { shortLabel } from './labText.js'

const CLASSES = { S3Client, CognitoIdentityClient } as const
type ClassName = keyof typeof CLASSES

const REGIONS = [
  'us-east-1',
  'us-west-2',
  'eu-west-1',
  'eu-central-1',
  'ap-northeast-1',
  'ap-southeast-2',
  'sa-east-1',
]
const ATTEMPTS = [3, 1, 5]
const POLICIES: EvictionPolicy[] = ['LRU', 'LFU']
/** How many clients "Fill" puts in the selected cache. */
const FILL_TARGET = 1500
/** Clients built per task while filling, so the page keeps painting. */
const FILL_BATCH = 50
/** The lab's maxSize field accepts up to this. */
const MAX_SIZE_LIMIT = 5000
/** Calls the "Your calls" list keeps. */
const CALL_LIMIT = 5

type LabEvent = Exclude<CacheEvent, RequestEvent | ResponseEvent | CredentialsEvent>

const isCacheEvent = (event: CacheEvent): event is LabEvent =>
  event.type !== 'request' &&
  event.type !== 'response' &&
  event.type !== 'credentials' &&
  event.cacheType === 'client'

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T
}

/** A logger made on the call: the mistake the toggle demonstrates (a new key every time). */
const newLogger = () => ({
  debug: () => {},
  info: () => {},
  warn: () => {},
  error: () => {},
})

/** One call of the lab, as "Your calls" shows it. */
interface CallRecord {
  seq: number
  className: ClassName
  region: string
  logger: boolean
  /** `null` on a hit. */
  miss: { cause: MissCause | undefined } | null
}

let callSequence = 0
/** Numbers the filled clients' `customUserAgent`, so every fill builds new keys. */
let fillSequence = 0

/** The clock's tick count, for tests that wait for the page to idle a few ticks. */
const tickCount = (tick: Tick) => tick.count
function TickMarker() {
  const count = useClock(tickCount)
  return <span hidden data-testid="lab-tick" data-tick={count} />
}

export function CacheLab() {
  const snapshot = useSessionSnapshot(session)
  const [events, clearEvents] = useSessionEvents(session, isCacheEvent, 12)
  const [className, setClassName] = useState<ClassName>('S3Client')
  const [region, setRegion] = useState(config.region)
  const [maxAttempts, setMaxAttempts] = useState(3)
  const [policy, setPolicy] = useState<EvictionPolicy>('LRU')
  const [maxSize, setMaxSize] = useState('3')
  const [sendRequest, setSendRequest] = useState(false)
  const [withLogger, setWithLogger] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [last, setLast] = useState<string | null>(null)
  const [calls, setCalls] = useState<CallRecord[]>([])
  const [filling, setFilling] = useState<number | null>(null)

  const configFor = (r: string, attempts: number) => ({
    region: r,
    ...(attempts === 3 ? {} : { maxAttempts: attempts }),
    ...(withLogger ? { logger: newLogger() } : {}),
  })

  const call = async (name: ClassName, r: string, attempts: number) => {
    const ClientClass = CLASSES[name]
    const options = { evictionPolicy: policy, maxSize: Number(maxSize) }
    // The call's own events (emitted synchronously by session.client()) tell why it missed.
    const seen: CacheEvent[] = []
    const stop = session.subscribe((event) => seen.push(event))
    let client: S3Client | CognitoIdentityClient
    try {
      client =
        ClientClass === S3Client
          ? session.client(S3Client, configFor(r, attempts), options)
          : session.client(CognitoIdentityClient, configFor(r, attempts), options)
    } finally {
      stop()
    }
    const miss = seen.find((event) => event.type === 'miss' && event.cacheType === 'client')
    setLast(`${name} in ${r}: ${miss ? 'miss, built a new client' : 'hit, the cached client'}`)
    const record: CallRecord = {
      seq: ++callSequence,
      className: name,
      region: r,
      logger: withLogger,
      miss: miss?.type === 'miss' ? { cause: miss.cause } : null,
    }
    setCalls((previous) => [record, ...previous].slice(0, CALL_LIMIT))
    if (sendRequest && client instanceof S3Client) {
      await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: PUBLIC_PREFIX }))
    }
  }

  /** Grows the selected cache to 1,500 clients (S3Client, one `customUserAgent` each). */
  const fill = async () => {
    const size = Math.max(Number(maxSize) || 0, FILL_TARGET)
    setMaxSize(String(size))
    const options = { evictionPolicy: policy, maxSize: size }
    const sizeNow = () => session.cache.client[policy].size
    let built = 0
    try {
      // Bounded, in case something else evicts from this cache meanwhile.
      while (sizeNow() < FILL_TARGET && built < 2 * FILL_TARGET) {
        const batch = Math.min(FILL_BATCH, FILL_TARGET - sizeNow())
        for (let i = 0; i < batch; i++, built++) {
          session.client(
            S3Client,
            { region: config.region, customUserAgent: `cache-lab-${++fillSequence}` },
            options,
          )
        }
        setFilling(sizeNow())
        await new Promise((resolve) => setTimeout(resolve, 0))
      }
      setLast(`Filled ${policy} with ${sizeNow().toLocaleString('en-US')} clients.`)
    } finally {
      setFilling(null)
    }
  }

  const guarded = (action: () => Promise<void> | void) => async () => {
    setError(null)
    try {
      await action()
    } catch (err) {
      setError(describeError(err))
    }
  }

  const cache = snapshot.caches.client
  const { stats } = snapshot
  const code = `session.client(${className}, { region: '${region}'${
    maxAttempts === 3 ? '' : `, maxAttempts: ${maxAttempts}`
  }${withLogger ? ', logger: { debug: () => {}, … }' : ''} }, { evictionPolicy: '${policy}', maxSize: ${maxSize || '…'} })`

  return (
    <Panel
      id="lab"
      title="Cache lab"
      className="span-3"
      subtitle={
        <>
          Each distinct class + config is one entry. Pick a policy and size, call clients, and watch
          entries appear, get reused and get evicted. Labels leave out what every entry shares (
          <Code>credentials</Code>, <Code>endpoint</Code>, <Code>forcePathStyle</Code>,{' '}
          <Code>requestHandler</Code>) and fold nested objects to <Code>{'{…}'}</Code>; hover for
          the full key.
        </>
      }
    >
      <TickMarker />
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="lab-error" />
      <div className="lab-grid">
        <form
          className="card-form lab-controls"
          aria-label="Call a client"
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            void guarded(() => call(className, region, maxAttempts))()
          }}
        >
          <label className="field">
            <span>Client class</span>
            <select value={className} onChange={(e) => setClassName(e.target.value as ClassName)}>
              {Object.keys(CLASSES).map((name) => (
                <option key={name}>{name}</option>
              ))}
            </select>
          </label>
          <div className="field-row">
            <label className="field">
              <span>Region</span>
              <select value={region} onChange={(e) => setRegion(e.target.value)}>
                {[...new Set([config.region, ...REGIONS])].map((r) => (
                  <option key={r}>{r}</option>
                ))}
              </select>
            </label>
            <label className="field">
              <span>maxAttempts</span>
              <select value={maxAttempts} onChange={(e) => setMaxAttempts(Number(e.target.value))}>
                {ATTEMPTS.map((a) => (
                  <option key={a} value={a}>
                    {a === 3 ? '3 (default)' : a}
                  </option>
                ))}
              </select>
            </label>
          </div>
          <div className="field-row">
            <fieldset className="field segmented">
              <legend>Policy</legend>
              {POLICIES.map((p) => (
                <label key={p} className={policy === p ? 'checked' : undefined}>
                  <input
                    type="radio"
                    name="policy"
                    value={p}
                    checked={policy === p}
                    onChange={() => setPolicy(p)}
                  />
                  {p}
                </label>
              ))}
            </fieldset>
            <label className="field">
              <span>maxSize</span>
              <input
                type="number"
                min={1}
                max={MAX_SIZE_LIMIT}
                value={maxSize}
                onChange={(e) => setMaxSize(e.target.value)}
              />
            </label>
          </div>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={sendRequest}
              onChange={(e) => setSendRequest(e.target.checked)}
            />
            <span>Also send ListObjectsV2 (S3Client)</span>
          </label>
          <label className="checkbox">
            <input
              type="checkbox"
              checked={withLogger}
              onChange={(e) => setWithLogger(e.target.checked)}
            />
            <span>New logger every call</span>
          </label>
          {withLogger && (
            <p className="muted small hint">
              Each call passes <Code>logger</Code>: a new object, so a new key: every call misses.
              After the third such miss the session warns (<Code>UNSTABLE_CONFIG</Code>).
            </p>
          )}
          <pre className="code-block" aria-label="The call">
            {code}
          </pre>
          <div className="button-row">
            <button type="submit" className="button primary">
              Call client
            </button>
            <button
              type="button"
              className="button secondary"
              onClick={() =>
                void guarded(async () => {
                  for (let i = 0; i < 5; i++) {
                    await call(
                      pick(['S3Client', 'S3Client', 'CognitoIdentityClient']),
                      pick(REGIONS),
                      pick(ATTEMPTS),
                    )
                  }
                })()
              }
            >
              5 random calls
            </button>
            <button
              type="button"
              className="button secondary"
              disabled={filling !== null}
              onClick={() => void guarded(fill)()}
            >
              {filling === null
                ? `Fill ${FILL_TARGET.toLocaleString('en-US')}`
                : `Filling… ${filling.toLocaleString('en-US')}`}
            </button>
            <button
              type="button"
              className="button ghost"
              onClick={() => {
                setError(null)
                session.cache.client[policy].clear()
                setLast(null)
              }}
            >
              Clear {policy}
            </button>
          </div>
          <p role="status" className="status-line" data-testid="lab-last">
            {last}
          </p>
        </form>

        <div className="lab-main">
          <UnstableConfigWarnings session={session} warnings={snapshot.warnings} />
          <div className="caches">
            <CacheColumn cache={cache.LRU} active={policy === 'LRU'} />
            <CacheColumn cache={cache.LFU} active={policy === 'LFU'} />
          </div>
          {calls.length > 0 && (
            <div className="calls">
              <h3 className="calls-title" id="lab-calls-title">
                Your calls, and why they missed
              </h3>
              <ol className="call-log" aria-labelledby="lab-calls-title" data-testid="lab-calls">
                {calls.map((c) => (
                  <li key={c.seq}>
                    <span className={`tag tag-${c.miss ? 'miss' : 'hit'}`}>
                      {c.miss ? 'miss' : 'hit'}
                    </span>
                    <span className="call-text">
                      <span className="mono">
                        {c.className} · {c.region}
                        {c.logger ? ' + new logger' : ''}
                      </span>{' '}
                      —{' '}
                      {c.miss && (
                        <span className="call-cause" data-testid="lab-cause">
                          {describeCause(c.miss.cause)}
                        </span>
                      )}
                      {!c.miss && <span className="call-cause">the cached client</span>}
                    </span>
                  </li>
                ))}
              </ol>
            </div>
          )}
        </div>

        <section className="lab-events" aria-labelledby="lab-events-title">
          <header className="cache-header">
            <h3 id="lab-events-title">Events</h3>
            <button type="button" className="button ghost small" onClick={clearEvents}>
              Clear log
            </button>
          </header>
          <dl className="stat-strip" data-testid="session-stats">
            {(['hits', 'misses', 'creates', 'evictions', 'disposals'] as const).map((name) => (
              <div key={name}>
                <dt>{name}</dt>
                <dd>{stats[name]}</dd>
              </div>
            ))}
          </dl>
          <ol
            className="event-log"
            aria-label="Cache events, newest first"
            data-testid="lab-events"
          >
            {events.length === 0 && <li className="muted">No events yet.</li>}
            {events.map(({ seq, event, count }) => (
              <li key={seq}>
                <span className={`tag tag-${event.type}`}>{event.type}</span>
                {event.evictionPolicy && <span className="muted">{event.evictionPolicy}</span>}
                <span
                  className="mono ellipsis"
                  title={'label' in event ? event.label : describeEvent(event)}
                >
                  {describeEvent(event)}
                </span>
                {count > 1 && <span className="count">×{count}</span>}
              </li>
            ))}
          </ol>
        </section>
      </div>
    </Panel>
  )
}

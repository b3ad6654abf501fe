/**
 * Calls `session.client()` with the configs and cache options you pick, and shows both client
 * caches (in eviction order, next victim first) and the events as they happen.
 */
import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type {
  CacheEvent,
  CacheSnapshot,
  CredentialsEvent,
  EvictionPolicy,
  RequestEvent,
  ResponseEvent,
} from 'aws-client-cache'
import { useState } from 'react'
import { config, describeError, PUBLIC_PREFIX, session } from '../aws.js'
import { useNow, useSessionEvents, useSessionSnapshot } from '../hooks.js'
import { Code, ErrorMessage, Panel } from './ui.js'

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

type LabEvent = Exclude<CacheEvent, RequestEvent | ResponseEvent | CredentialsEvent>

const isCacheEvent = (event: CacheEvent): event is LabEvent =>
  event.type !== 'request' &&
  event.type !== 'response' &&
  event.type !== 'credentials' &&
  event.cacheType === 'client'

function pick<T>(items: readonly T[]): T {
  return items[Math.floor(Math.random() * items.length)] as T
}

/**
 * A key's label without the session's defaults every entry shares (credentials, the sandbox
 * endpoint, path-style), so what differs between entries stands out. The full label is the title.
 */
export function shortLabel(label: string): string {
  return label
    .replace(/credentials: \*\*\*, /, '')
    .replace(/endpoint: '[^']*', /, '')
    .replace(/forcePathStyle: true, /, '')
    .replace(/\(\{ \}\)$/, '()')
}

/** `S3Client({ region: 'eu-west-1', maxAttempts: 5 })` → `S3Client · eu-west-1, maxAttempts: 5`. */
function compactLabel(label: string): string {
  return shortLabel(label)
    .replace(/^([\w$]+)\(\{ (.*) \}\)$/, '$1 · $2')
    .replace(/region: '([^']*)'/, '$1')
    .replace(/'/g, '')
}

function describeEvent(event: CacheEvent): string {
  switch (event.type) {
    case 'evict':
      return `${compactLabel(event.label)} (${event.reason})`
    case 'resize':
      return `maxSize ${event.previousMaxSize} → ${event.maxSize}`
    case 'clear':
      return `${event.count} ${event.count === 1 ? 'entry' : 'entries'} removed`
    case 'hit':
    case 'miss':
    case 'create':
    case 'dispose':
      return compactLabel(event.label)
    default:
      return ''
  }
}

function age(ms: number): string {
  if (ms < 1000) return 'now'
  if (ms < 60_000) return `${Math.floor(ms / 1000)} s ago`
  return `${Math.floor(ms / 60_000)} min ago`
}

function CacheColumn({
  cache,
  active,
  now,
}: {
  cache: CacheSnapshot
  active: boolean
  now: number
}) {
  return (
    <section
      className={`cache-column${active ? ' active' : ''}`}
      aria-labelledby={`cache-${cache.evictionPolicy}`}
      data-testid={`cache-${cache.evictionPolicy}`}
    >
      <header className="cache-header">
        <h3 id={`cache-${cache.evictionPolicy}`}>
          {cache.evictionPolicy} <span className="muted">client cache</span>
        </h3>
        <span className="pill" data-testid={`cache-${cache.evictionPolicy}-size`}>
          {cache.size} / {cache.maxSize}
        </span>
      </header>
      <div
        className="capacity"
        aria-hidden="true"
        style={{ gridTemplateColumns: `repeat(${Math.min(cache.maxSize, 20)}, 1fr)` }}
      >
        {Array.from({ length: Math.min(cache.maxSize, 20) }, (_, i) => (
          <span key={i} className={i < cache.size ? 'slot full' : 'slot'} />
        ))}
      </div>
      {cache.entries.length === 0 ? (
        <p className="muted empty">Empty. Call a client to fill it.</p>
      ) : (
        <ol className="entries" aria-label={`${cache.evictionPolicy} entries, next victim first`}>
          {cache.entries.map((entry, index) => (
            <li key={entry.id} className="entry" data-testid="cache-entry">
              <div className="entry-top">
                <span className="entry-label mono" title={entry.label}>
                  {shortLabel(entry.label)}
                </span>
                {index === 0 && cache.size >= cache.maxSize && (
                  <span className="tag tag-evict">next victim</span>
                )}
                {index === 0 && cache.size < cache.maxSize && cache.size > 1 && (
                  <span className="tag tag-muted">first out</span>
                )}
              </div>
              <div className="entry-stats">
                <span>
                  <b>{entry.hits}</b> hits
                </span>
                {cache.evictionPolicy === 'LFU' && (
                  <span>
                    freq <b>{entry.frequency}</b>
                  </span>
                )}
                <span>
                  <b>{entry.requests}</b> requests
                </span>
                {entry.inFlight > 0 && (
                  <span className="tag tag-create">{entry.inFlight} in flight</span>
                )}
                <span className="muted">used {age(now - entry.lastUsedAt)}</span>
              </div>
            </li>
          ))}
        </ol>
      )}
    </section>
  )
}

export function CacheLab() {
  const snapshot = useSessionSnapshot(session)
  const [events, clearEvents] = useSessionEvents(session, isCacheEvent, 12)
  const now = useNow(1000)
  const [className, setClassName] = useState<ClassName>('S3Client')
  const [region, setRegion] = useState(config.region)
  const [maxAttempts, setMaxAttempts] = useState(3)
  const [policy, setPolicy] = useState<EvictionPolicy>('LRU')
  const [maxSize, setMaxSize] = useState('3')
  const [sendRequest, setSendRequest] = useState(false)
  const [error, setError] = useState<string | null>(null)
  const [last, setLast] = useState<string | null>(null)

  const configFor = (r: string, attempts: number) => ({
    region: r,
    ...(attempts === 3 ? {} : { maxAttempts: attempts }),
  })

  const call = async (name: ClassName, r: string, attempts: number) => {
    const before = session.snapshot().stats.creates
    const ClientClass = CLASSES[name]
    const options = { evictionPolicy: policy, maxSize: Number(maxSize) }
    const client =
      ClientClass === S3Client
        ? session.client(S3Client, configFor(r, attempts), options)
        : session.client(CognitoIdentityClient, configFor(r, attempts), options)
    const built = session.snapshot().stats.creates > before
    setLast(`${name} in ${r}: ${built ? 'miss, built a new client' : 'hit, the cached client'}`)
    if (sendRequest && client instanceof S3Client) {
      await client.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: PUBLIC_PREFIX }))
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
  } }, { evictionPolicy: '${policy}', maxSize: ${maxSize || '…'} })`

  return (
    <Panel
      id="lab"
      title="Cache lab"
      className="span-3"
      subtitle={
        <>
          Each distinct class + config is one entry. Pick a policy and size, call clients, and watch
          entries appear, get reused and get evicted. Labels leave out what every entry shares (
          <Code>credentials</Code>, <Code>endpoint</Code>, <Code>forcePathStyle</Code>); hover for
          the full key.
        </>
      }
    >
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
                max={50}
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

        <div className="caches">
          <CacheColumn cache={cache.LRU} active={policy === 'LRU'} now={now} />
          <CacheColumn cache={cache.LFU} active={policy === 'LFU'} now={now} />
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

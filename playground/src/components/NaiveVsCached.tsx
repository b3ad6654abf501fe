/**
 * The same N S3 requests two ways: the naive way (a new S3Client and a new Cognito provider for
 * each request) and through one Session (a fresh one, so both start cold). Counts come from the
 * sandbox's counters (`/__sandbox/stats`), taken before and after each run.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import { useState } from 'react'
import type { SandboxStats } from '../aws.js'
import {
  cognitoProvider,
  config,
  createSession,
  credentialProviderCalls,
  describeError,
  fetchStats,
  isSandbox,
  PUBLIC_PREFIX,
  s3ClientConfig,
} from '../aws.js'
import { Code, ErrorMessage, formatMs, Panel } from './ui.js'

interface RunResult {
  clients: number
  getId: number | null
  getCredentials: number
  s3Requests: number | null
  ms: number
  ok: number
  failed: number
}

type Side = 'naive' | 'cached'

/** The last finished comparison, kept in this browser so the table is not blank on the next visit. */
interface SavedRun {
  n: number
  /** When it finished, ms since the epoch. */
  at: number
  /** `'sandbox'` or `'aws'`: the counters mean different things. */
  mode: string
  naive: RunResult
  cached: RunResult
}

const STORAGE_KEY = 'aws-client-cache-playground:last-comparison'

const isRunResult = (value: unknown): value is RunResult =>
  typeof value === 'object' &&
  value !== null &&
  ['clients', 'getCredentials', 'ms', 'ok', 'failed'].every(
    (name) => typeof (value as Record<string, unknown>)[name] === 'number',
  )

/**
 * The saved run, or `null` when there is none, it was measured against the other mode (sandbox or
 * AWS), storage is off, or it holds something else.
 */
function loadRun(): SavedRun | null {
  try {
    const saved = JSON.parse(
      localStorage.getItem(STORAGE_KEY) ?? 'null',
    ) as Partial<SavedRun> | null
    if (
      saved === null ||
      typeof saved.n !== 'number' ||
      typeof saved.at !== 'number' ||
      saved.mode !== config.mode ||
      !isRunResult(saved.naive) ||
      !isRunResult(saved.cached)
    ) {
      return null
    }
    return saved as SavedRun
  } catch {
    return null
  }
}

function saveRun(run: SavedRun): void {
  try {
    localStorage.setItem(STORAGE_KEY, JSON.stringify(run))
  } catch {
    // Storage full or turned off: the result still shows until the page is left.
  }
}

function formatWhen(at: number): string {
  return new Date(at).toLocaleString(undefined, {
    dateStyle: 'medium',
    timeStyle: 'short',
    hour12: false,
  })
}

const listCommand = () => new ListObjectsV2Command({ Bucket: config.bucket, Prefix: PUBLIC_PREFIX })

async function measure(
  n: number,
  body: (onClient: () => void) => Promise<{ ok: number; failed: number }>,
): Promise<RunResult> {
  const before = await fetchStats()
  const providerBefore = credentialProviderCalls()
  let clients = 0
  const started = performance.now()
  const { ok, failed } = await body(() => clients++)
  const ms = performance.now() - started
  const after = await fetchStats()
  const diff = (pick: (s: SandboxStats) => number) =>
    before && after ? pick(after) - pick(before) : null
  return {
    clients,
    getId: diff((s) => s.GetId),
    // Without the sandbox, count this page's provider calls (one GetCredentialsForIdentity each).
    getCredentials:
      diff((s) => s.GetCredentialsForIdentity) ?? credentialProviderCalls() - providerBefore,
    s3Requests: diff((s) => s.s3Requests),
    ms,
    ok,
    failed,
  }
}

async function sequentially(n: number, send: () => Promise<unknown>) {
  let ok = 0
  let failed = 0
  let firstError: unknown
  for (let i = 0; i < n; i++) {
    try {
      await send()
      ok++
    } catch (err) {
      failed++
      firstError ??= err
    }
  }
  if (failed > 0 && ok === 0) throw firstError
  return { ok, failed }
}

/** N requests, each with its own client and its own Cognito provider: what caching avoids. */
function runNaive(n: number) {
  return measure(n, (onClient) =>
    sequentially(n, async () => {
      const client = new S3Client({
        ...s3ClientConfig,
        region: config.region,
        credentials: cognitoProvider(),
      })
      onClient()
      try {
        return await client.send(listCommand())
      } finally {
        client.destroy()
      }
    }),
  )
}

/** The same N requests through one fresh Session (cold, like the naive run). */
async function runCached(n: number) {
  const session = createSession()
  try {
    const result = await measure(n, () =>
      sequentially(n, () => session.client(S3Client).send(listCommand())),
    )
    // The session counts the clients it built.
    return { ...result, clients: session.snapshot().stats.creates }
  } finally {
    await session.dispose()
  }
}

const ROWS: {
  label: string
  hint: string
  id: string
  value: (r: RunResult) => string
  better?: 'lower'
}[] = [
  {
    label: 'S3 clients constructed',
    hint: 'new S3Client(…) calls',
    id: 'clients',
    value: (r) => String(r.clients),
    better: 'lower',
  },
  {
    label: 'GetCredentialsForIdentity',
    hint: 'Cognito calls for credentials',
    id: 'get-credentials',
    value: (r) => String(r.getCredentials),
    better: 'lower',
  },
  {
    label: 'GetId',
    hint: 'Cognito calls for the identity id (the SDK caches it in IndexedDB)',
    id: 'get-id',
    value: (r) => (r.getId === null ? 'n/a' : String(r.getId)),
  },
  {
    label: 'S3 requests',
    hint: 'served by the sandbox',
    id: 's3-requests',
    value: (r) => (r.s3Requests === null ? 'n/a' : String(r.s3Requests)),
  },
  {
    label: 'Connections',
    hint: 'not observable from a page: the browser pools connections per origin',
    id: 'connections',
    value: () => 'n/a',
  },
  { label: 'Time', hint: 'wall clock, sequential', id: 'time', value: (r) => formatMs(r.ms) },
  {
    label: 'Failed requests',
    hint: 'of N',
    id: 'failed',
    value: (r) => String(r.failed),
  },
]

export function NaiveVsCached() {
  const [saved] = useState(loadRun)
  const [n, setN] = useState(saved?.n ?? 20)
  const [running, setRunning] = useState<Side | null>(null)
  const [results, setResults] = useState<Partial<Record<Side, RunResult>>>(() =>
    saved ? { naive: saved.naive, cached: saved.cached } : {},
  )
  /** The run the table shows: one saved by an earlier visit, or one of this page. */
  const [shown, setShown] = useState<{ n: number; at: number; restored: boolean } | null>(() =>
    saved ? { n: saved.n, at: saved.at, restored: true } : null,
  )
  const [finished, setFinished] = useState(false)
  const [error, setError] = useState<string | null>(null)

  const run = async () => {
    setError(null)
    setResults({})
    setShown(null)
    setFinished(false)
    try {
      setRunning('naive')
      const naive = await runNaive(n)
      setResults({ naive })
      setRunning('cached')
      const cached = await runCached(n)
      setResults({ naive, cached })
      const at = Date.now()
      saveRun({ n, at, mode: config.mode, naive, cached })
      setShown({ n, at, restored: false })
      setFinished(true)
    } catch (err) {
      setError(`The comparison stopped: ${describeError(err)}`)
    } finally {
      setRunning(null)
    }
  }

  const { naive, cached } = results
  const maxMs = Math.max(naive?.ms ?? 0, cached?.ms ?? 0, 1)

  return (
    <Panel
      id="compare"
      title="Naive vs cached"
      className="span-3"
      subtitle={
        <>
          {n} × <Code>ListObjectsV2</Code>, first with a new <Code>S3Client</Code> and a new Cognito
          provider per request, then through one fresh <Code>Session</Code>.
        </>
      }
    >
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="compare-error" />
      <form
        className="inline-form"
        onSubmit={(event) => {
          event.preventDefault()
          void run()
        }}
      >
        <label className="field inline">
          <span>Requests (N)</span>
          <input
            type="number"
            min={1}
            max={200}
            value={n}
            onChange={(event) => setN(Math.max(1, Math.min(200, Number(event.target.value) || 1)))}
          />
        </label>
        <button type="submit" className="button primary" disabled={running !== null}>
          {running === null ? 'Run comparison' : `Running ${running}…`}
        </button>
        <p role="status" className="status-line" data-testid="compare-status">
          {running !== null
            ? `Running the ${running} side…`
            : finished && naive && cached
              ? `Done: caching saved ${naive.getCredentials - cached.getCredentials} Cognito credential calls and ${naive.clients - cached.clients} client constructions.`
              : ''}
        </p>
      </form>

      <p className="muted small compare-when" data-testid="compare-when">
        {shown === null
          ? running === null
            ? 'Not run yet in this browser: press Run comparison (a few seconds against the sandbox). The last result is kept here for your next visit.'
            : ''
          : `${shown.restored ? 'Last run' : 'Ran'} ${formatWhen(shown.at)}, N = ${shown.n}${
              shown.restored ? ' (kept from an earlier visit; run again to refresh it)' : ''
            }.`}
      </p>

      <div className="compare-grid">
        <table className="compare" aria-label="Naive versus cached, side by side">
          <thead>
            <tr>
              <th scope="col">Measure</th>
              <th scope="col" className="num">
                Naive
              </th>
              <th scope="col" className="num">
                Cached
              </th>
            </tr>
          </thead>
          <tbody>
            {ROWS.map((row) => (
              <tr key={row.id}>
                <th scope="row">
                  {row.label}
                  <span className="row-hint">{row.hint}</span>
                </th>
                <td className="num big" data-testid={`naive-${row.id}`}>
                  {naive ? row.value(naive) : running === 'naive' ? '…' : '—'}
                </td>
                <td
                  className={`num big${row.better && naive && cached && Number(row.value(cached)) < Number(row.value(naive)) ? ' good' : ''}`}
                  data-testid={`cached-${row.id}`}
                >
                  {cached ? row.value(cached) : running === 'cached' ? '…' : '—'}
                </td>
              </tr>
            ))}
          </tbody>
        </table>
        <div>
          <div className="savings" data-testid="savings">
            <p className={`saving${naive && cached ? '' : ' pending'}`}>
              <strong>
                {naive && cached ? naive.getCredentials - cached.getCredentials : '—'}
              </strong>
              <span>Cognito credential calls saved</span>
            </p>
            <p className={`saving${naive && cached ? '' : ' pending'}`}>
              <strong>{naive && cached ? naive.clients - cached.clients : '—'}</strong>
              <span>client constructions saved</span>
            </p>
            <p className={`saving${naive && cached ? '' : ' pending'}`}>
              <strong>
                {naive && cached && cached.ms > 0 ? `${(naive.ms / cached.ms).toFixed(1)}×` : '—'}
              </strong>
              <span>faster, wall clock</span>
            </p>
          </div>
          <div className="bars" aria-hidden="true">
            <p className="bars-title">Time</p>
            {(['naive', 'cached'] as const).map((side) => {
              const r = results[side]
              return (
                <div key={side} className="bar-row">
                  <span className="bar-label">{side}</span>
                  <div className="bar-track">
                    <div
                      className={`bar-fill ${side}`}
                      style={{ width: r ? `${(r.ms / maxMs) * 100}%` : '0%' }}
                    />
                  </div>
                  <span className="bar-value">{r ? formatMs(r.ms) : ''}</span>
                </div>
              )
            })}
            <p className="muted small">
              {isSandbox
                ? 'Cognito and S3 counts are the sandbox’s own counters (/__sandbox/stats), read before and after each run.'
                : 'Real AWS has no counters: GetCredentialsForIdentity is counted in the page (one per provider call); S3 and GetId show n/a.'}
            </p>
          </div>
        </div>
      </div>
    </Panel>
  )
}

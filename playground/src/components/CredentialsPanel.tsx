/**
 * The session's shared Cognito credentials: identity id, expiry counting down, and each refresh
 * as it happens. A light heartbeat (`session.getCredentials()` twice a second, free while the
 * credentials are fresh) makes the refresh visible even when no request is running; the stress
 * run sends requests straight across an expiry to show none of them fails.
 */
import { ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { CacheEvent, CredentialsEvent } from 'aws-client-cache'
import { useCallback, useEffect, useRef, useState } from 'react'
import type { SandboxStats } from '../aws.js'
import { config, describeError, fetchStats, isSandbox, PUBLIC_PREFIX, session } from '../aws.js'
import { useNow, useSessionEvents } from '../hooks.js'
import { Fact } from './shared/Fact.js'
import { RequestCounts } from './shared/RequestCounts.js'
import { Code, ErrorMessage, formatTime, Panel } from './ui.js'

/** The session refreshes this long before expiry: 5 minutes, or half the lifetime if shorter. */
function refreshWindow(lifetimeMs: number): number {
  return Math.min(5 * 60_000, Math.max(0, lifetimeMs / 2))
}

function formatCountdown(ms: number): string {
  if (ms <= 0) return '0 s'
  if (ms < 60_000) return `${(ms / 1000).toFixed(1)} s`
  const minutes = Math.floor(ms / 60_000)
  const seconds = Math.floor((ms % 60_000) / 1000)
  return `${minutes} min ${String(seconds).padStart(2, '0')} s`
}

const isCredentialsEvent = (event: CacheEvent): event is CredentialsEvent =>
  event.type === 'credentials'

interface Current {
  identityId: string | null
  accessKeyId: string
  expiration: number | null
  fetchedAt: number
}

interface StressResult {
  running: boolean
  elapsedMs: number
  durationMs: number
  ok: number
  failed: number
  refreshes: number
  credentialCalls: number | null
  lastError: string | null
}

export function CredentialsPanel() {
  const [current, setCurrent] = useState<Current | null>(null)
  const [refreshes, setRefreshes] = useState(0)
  const [error, setError] = useState<string | null>(null)
  const [keepFresh, setKeepFresh] = useState(true)
  const [flash, setFlash] = useState(0)
  const [durationSeconds, setDurationSeconds] = useState(7)
  const [stress, setStress] = useState<StressResult | null>(null)
  const [log] = useSessionEvents(session, isCredentialsEvent, 6)
  const now = useNow(100)
  const refreshesRef = useRef(0)

  const read = useCallback(async () => {
    try {
      const credentials = await session.getCredentials()
      if (!credentials) return
      setCurrent((previous) =>
        previous?.accessKeyId === credentials.accessKeyId
          ? previous
          : {
              identityId: (credentials as { identityId?: string }).identityId ?? null,
              accessKeyId: credentials.accessKeyId,
              expiration: credentials.expiration?.getTime() ?? null,
              fetchedAt: Date.now(),
            },
      )
      setError(null)
    } catch (err) {
      setError(`Could not get credentials: ${describeError(err)}`)
    }
  }, [])

  useEffect(() => {
    const unsubscribe = session.subscribe((event) => {
      if (event.type !== 'credentials') return
      // Refreshes near expiry only: a switch of identity or an auth error is not one.
      if (event.reason === 'refresh') {
        refreshesRef.current++
        setRefreshes(refreshesRef.current)
        setFlash((n) => n + 1)
      }
      void read()
    })
    void read()
    return unsubscribe
  }, [read])

  // The heartbeat: a no-op while the credentials are fresh, a refresh once they are due.
  useEffect(() => {
    if (!keepFresh) return
    const timer = setInterval(() => void read(), 500)
    return () => clearInterval(timer)
  }, [keepFresh, read])

  const runStress = async () => {
    const durationMs = Math.max(1, durationSeconds) * 1000
    const refreshesBefore = refreshesRef.current
    const before: SandboxStats | null = await fetchStats().catch(() => null)
    const result: StressResult = {
      running: true,
      elapsedMs: 0,
      durationMs,
      ok: 0,
      failed: 0,
      refreshes: 0,
      credentialCalls: null,
      lastError: null,
    }
    setStress({ ...result })
    const started = performance.now()
    while (performance.now() - started < durationMs) {
      try {
        await session
          .client(S3Client)
          .send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: PUBLIC_PREFIX }))
        result.ok++
      } catch (err) {
        result.failed++
        result.lastError = describeError(err)
      }
      result.elapsedMs = performance.now() - started
      result.refreshes = refreshesRef.current - refreshesBefore
      setStress({ ...result })
      await new Promise((resolve) => setTimeout(resolve, 150))
    }
    result.elapsedMs = durationMs
    result.running = false
    try {
      const after = await fetchStats()
      if (before && after) {
        result.credentialCalls = after.GetCredentialsForIdentity - before.GetCredentialsForIdentity
      }
    } catch (err) {
      result.lastError ??= describeError(err)
    }
    setStress({ ...result })
  }

  const lifetime = current?.expiration == null ? null : current.expiration - current.fetchedAt
  const remaining = current?.expiration == null ? null : current.expiration - now
  const refreshAt =
    current?.expiration == null || lifetime === null
      ? null
      : current.expiration - refreshWindow(lifetime)
  const fraction =
    remaining === null || lifetime === null || lifetime <= 0
      ? 0
      : Math.max(0, Math.min(1, remaining / lifetime))
  const due = refreshAt !== null && now >= refreshAt

  return (
    <Panel
      id="credentials"
      title="Credentials"
      subtitle={
        <>
          The identity in force (one <Code>fromCognitoIdentityPool</Code> provider at a time),
          shared by every client of the session.
        </>
      }
    >
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="credentials-error" />
      <dl className="facts">
        <div>
          <dt>Identity id</dt>
          <dd className="mono wrap" data-testid="identity-id">
            {current?.identityId ?? (current ? '—' : 'resolving…')}
          </dd>
        </div>
        <div>
          <dt>Access key</dt>
          <dd className="mono" data-testid="access-key">
            {/* Never any part of the key itself: only its kind (ASIA… keys are temporary). */}
            {current ? (current.accessKeyId.startsWith('ASIA') ? 'temporary (ASIA…)' : '***') : '…'}
          </dd>
        </div>
        <div>
          <dt>Expires</dt>
          <dd data-testid="expires-at">
            {current?.expiration != null ? formatTime(current.expiration) : '—'}
          </dd>
        </div>
        <div>
          <dt>Refreshes</dt>
          <dd data-testid="refresh-count">
            <span key={flash} className={flash > 0 ? 'flash' : undefined}>
              {refreshes}
            </span>
          </dd>
        </div>
      </dl>

      <div className="countdown" aria-live="off">
        <div className="countdown-row">
          <span className="countdown-label">Expires in</span>
          <strong className="countdown-value" data-testid="expires-in">
            {remaining === null ? '—' : formatCountdown(remaining)}
          </strong>
        </div>
        <div
          className={`meter${due ? ' due' : ''}`}
          role="progressbar"
          aria-label="Credential lifetime left"
          aria-valuemin={0}
          aria-valuemax={100}
          aria-valuenow={Math.round(fraction * 100)}
        >
          <div className="meter-fill" style={{ width: `${fraction * 100}%` }} />
          {lifetime !== null && lifetime > 0 && (
            <div
              className="meter-mark"
              style={{ left: `${(refreshWindow(lifetime) / lifetime) * 100}%` }}
              title="The session refreshes here"
            />
          )}
        </div>
        <p className="muted small">
          {refreshAt === null
            ? 'Waiting for the first credentials…'
            : due
              ? keepFresh
                ? 'Refresh due: fetching new credentials…'
                : 'Refresh due: the next request fetches new credentials.'
              : `The session refreshes in ${formatCountdown(refreshAt - now)} (${
                  lifetime !== null && lifetime < 10 * 60_000
                    ? 'half the lifetime'
                    : '5 min before expiry'
                }).`}
        </p>
      </div>

      <label className="checkbox">
        <input
          type="checkbox"
          checked={keepFresh}
          onChange={(event) => setKeepFresh(event.target.checked)}
        />
        <span>Refresh on time, even with no request running</span>
      </label>

      <h3 className="subheading">Resolutions</h3>
      <ol
        className="event-log compact"
        aria-label="Credential resolutions"
        data-testid="credentials-log"
      >
        {log.length === 0 && <li className="muted">None since the page loaded.</li>}
        {log.map(({ seq, event }) => (
          <li key={seq} className={event.refresh ? 'fresh' : undefined}>
            <span className={`tag ${event.refresh ? 'tag-refresh' : 'tag-create'}`}>
              {event.reason}
            </span>
            <span className="muted">{formatTime(event.at)}</span>
            <span>
              valid until {event.expiration ? formatTime(Date.parse(event.expiration)) : '—'}
            </span>
          </li>
        ))}
      </ol>

      <h3 className="subheading">Requests across expiry</h3>
      <p className="muted small">
        Sends <Code>ListObjectsV2</Code> through the session every 150 ms.
        {isSandbox
          ? ' Start the playground with SANDBOX_CREDENTIAL_TTL=5 to cross several expiries.'
          : ''}
      </p>
      <div className="inline-form">
        <label className="field inline">
          <span>Seconds</span>
          <input
            type="number"
            min={1}
            max={120}
            value={durationSeconds}
            onChange={(event) => setDurationSeconds(Number(event.target.value) || 1)}
          />
        </label>
        <button
          type="button"
          className="button primary"
          onClick={() => void runStress()}
          disabled={stress?.running === true}
        >
          {stress?.running ? 'Running…' : 'Run requests'}
        </button>
      </div>
      {stress && (
        <div className="stress" data-testid="stress-result" data-done={!stress.running}>
          <div
            className="meter thin"
            role="progressbar"
            aria-label="Stress run progress"
            aria-valuemin={0}
            aria-valuemax={100}
            aria-valuenow={Math.round((stress.elapsedMs / stress.durationMs) * 100)}
          >
            <div
              className="meter-fill"
              style={{ width: `${Math.min(100, (stress.elapsedMs / stress.durationMs) * 100)}%` }}
            />
          </div>
          <RequestCounts testIdPrefix="stress" ok={stress.ok} failed={stress.failed}>
            <Fact term="Refreshes" testId="stress-refreshes">
              {stress.refreshes}
            </Fact>
            <Fact term="Cognito calls" testId="stress-credential-calls">
              {stress.running ? '…' : (stress.credentialCalls ?? 'n/a')}
            </Fact>
          </RequestCounts>
          <p role="status" className="status-line" data-testid="stress-status">
            {stress.running
              ? 'Running…'
              : stress.failed === 0
                ? `Done: ${stress.ok} requests, none failed.`
                : `Done: ${stress.failed} of ${stress.ok + stress.failed} requests failed.`}
          </p>
          {stress.lastError && <ErrorMessage error={`Last error: ${stress.lastError}`} />}
        </div>
      )}
    </Panel>
  )
}

/**
 * Who the app's one session acts for, live: sign in as a demo user, switch users, sign out, and
 * watch the session keep its one S3 client while the credentials change under it
 * (`session.setCredentials()`). "Revoke now" ends every key pair the sandbox issued; the next
 * request gets `ExpiredToken`, and the session (`refreshOnAuthError`) resolves new credentials and
 * sends it again, so no request is lost.
 *
 * Everything here is driven by the session's events: `credentials` events for the identity in
 * force (identity.ts), `useSessionSnapshot` for the clients built and the last resolution. Only
 * the first characters of the access key id are shown, never the key or the secret.
 */
import { GetObjectCommand, ListObjectsV2Command, S3Client } from '@aws-sdk/client-s3'
import type { CredentialsReason, SessionSnapshot } from 'aws-client-cache'
import { useEffect, useRef, useState } from 'react'
import type { SandboxStats } from '../aws.js'
import {
  config,
  describeError,
  fetchStats,
  isSandbox,
  PUBLIC_PREFIX,
  revokeSandboxCredentials,
  session,
} from '../aws.js'
import { useSessionSnapshot } from '../hooks.js'
import { isUser, signInAs, signOut, useIdentityInForce } from '../identity.js'
import { canSignIn } from '../signIn.js'
import { Fact } from './shared/Fact.js'
import { RequestCounts } from './shared/RequestCounts.js'
import { useAction } from './shared/useAction.js'
import { SignInForm } from './SignInForm.js'
import { Code, ErrorMessage, formatTime, Panel, StatusMessage } from './ui.js'

const REASONS: CredentialsReason[] = ['initial', 'refresh', 'switch', 'invalidate', 'auth-error']

/** Entries of `className` in the session's client caches (LRU and LFU). */
function clientEntries(snapshot: SessionSnapshot, className: string): number {
  const { LRU, LFU } = snapshot.caches.client
  return [...LRU.entries, ...LFU.entries].filter((entry) => entry.className === className).length
}

/** Credential resolutions since the panel mounted, by reason, from `credentials` events. */
function useResolutionCounts(): Record<CredentialsReason, number> {
  const [counts, setCounts] = useState<Record<CredentialsReason, number>>(
    () => Object.fromEntries(REASONS.map((reason) => [reason, 0])) as never,
  )
  useEffect(
    () =>
      session.subscribe((event) => {
        if (event.type !== 'credentials') return
        setCounts((previous) => ({ ...previous, [event.reason]: previous[event.reason] + 1 }))
      }),
    [],
  )
  return counts
}

interface Burst {
  running: boolean
  ok: number
  failed: number
  /** `auth-error` resolutions during the run. */
  authErrors: number
  /** S3 requests the sandbox answered during the run (after it stops), or `null`. */
  s3Requests: number | null
  lastError: string | null
}

/** Parallel request lanes of a burst, and the pause between a lane's requests. */
const LANES = 3
const PAUSE_MS = 60
/** A burst left running stops by itself after this long. */
const MAX_BURST_MS = 60_000

const burstRequest = async (n: number): Promise<void> => {
  const s3 = session.client(S3Client)
  if (n % 2 === 0) {
    await s3.send(new ListObjectsV2Command({ Bucket: config.bucket, Prefix: PUBLIC_PREFIX }))
  } else {
    const { Body } = await s3.send(
      new GetObjectCommand({ Bucket: config.bucket, Key: `${PUBLIC_PREFIX}hello.txt` }),
    )
    await Body?.transformToString()
  }
}

export function IdentityPanel() {
  const identity = useIdentityInForce()
  const snapshot = useSessionSnapshot(session)
  const counts = useResolutionCounts()
  /** One action at a time; a message it resolves goes to the sign-in status line. */
  const { busy, error, setError, status, run: act } = useAction()
  const [revoked, setRevoked] = useState<string | null>(null)
  const [burst, setBurst] = useState<Burst | null>(null)
  const burstRunning = useRef(false)

  const onSignIn = (username: string, password: string) =>
    void act('sign-in', async () => {
      const wasUser = isUser(identity)
      const now = await signInAs(username, password)
      return `${wasUser ? 'Switched to' : 'Signed in as'} ${now.who ?? username}.`
    })

  const onSignOut = () =>
    void act('sign-out', async () => {
      await signOut()
      return 'Signed out: back to a guest.'
    })

  const revoke = () =>
    void act('revoke', async () => {
      const count = await revokeSandboxCredentials()
      setRevoked(
        `Revoked ${count} key ${count === 1 ? 'pair' : 'pairs'} at ${formatTime(Date.now())}.`,
      )
    })

  // The burst: LANES loops of ListObjectsV2 / GetObject through the session's one S3 client.
  const startBurst = async () => {
    if (burstRunning.current) return
    burstRunning.current = true
    const result: Burst = {
      running: true,
      ok: 0,
      failed: 0,
      authErrors: 0,
      s3Requests: null,
      lastError: null,
    }
    setBurst({ ...result })
    const unsubscribe = session.subscribe((event) => {
      if (event.type === 'credentials' && event.reason === 'auth-error') {
        result.authErrors++
        setBurst({ ...result })
      }
    })
    const before: SandboxStats | null = await fetchStats().catch(() => null)
    const started = performance.now()
    let sent = 0
    const lane = async () => {
      while (burstRunning.current && performance.now() - started < MAX_BURST_MS) {
        try {
          await burstRequest(sent++)
          result.ok++
        } catch (err) {
          result.failed++
          result.lastError = describeError(err)
        }
        setBurst({ ...result })
        await new Promise((resolve) => setTimeout(resolve, PAUSE_MS))
      }
    }
    await Promise.all(Array.from({ length: LANES }, lane))
    burstRunning.current = false
    unsubscribe()
    const after = await fetchStats().catch(() => null)
    result.s3Requests = before && after ? after.s3Requests - before.s3Requests : null
    result.running = false
    setBurst({ ...result })
  }

  useEffect(
    () => () => {
      burstRunning.current = false
    },
    [],
  )

  const s3Clients = clientEntries(snapshot, 'S3Client')
  const credentials = snapshot.credentials
  const resolutions = REASONS.reduce((sum, reason) => sum + counts[reason], 0)
  const retried =
    burst && !burst.running && burst.s3Requests !== null
      ? burst.s3Requests - burst.ok - burst.failed
      : null

  return (
    <Panel
      id="identity"
      title="Identity"
      className="span-3"
      subtitle={
        <>
          One session for every identity: signing in, switching users and signing out call{' '}
          <Code>session.setCredentials()</Code>. Its clients stay; their next requests sign as the
          new identity.
        </>
      }
    >
      <ErrorMessage error={error} onDismiss={() => setError(null)} testId="identity-error" />
      <div className="identity-grid">
        <div className="identity-col">
          <h3 className="subheading">Sign in</h3>
          {canSignIn ? (
            <SignInForm
              signedInAs={isUser(identity) ? identity.who : null}
              disabled={busy !== null}
              onSignIn={onSignIn}
              onSignOut={onSignOut}
            />
          ) : (
            <p className="muted small">
              No user pool configured (set <Code>VITE_USER_POOL_ID</Code> and{' '}
              <Code>VITE_USER_POOL_CLIENT_ID</Code>): guests only.
            </p>
          )}
          <StatusMessage message={status} testId="identity-status" />
        </div>

        <div className="identity-col">
          <h3 className="subheading">In force</h3>
          <dl className="facts identity-facts">
            <div>
              <dt>Identity</dt>
              <dd data-testid="identity-who">
                {identity.who === null ? (
                  'resolving…'
                ) : (
                  <span className={`who ${isUser(identity) ? 'who-user' : 'who-guest'}`}>
                    {identity.who}
                  </span>
                )}
              </dd>
            </div>
            <div>
              <dt>Signing key</dt>
              <dd className="mono" data-testid="identity-key-prefix">
                {identity.accessKeyPrefix ?? '—'}
              </dd>
            </div>
            <div className="wide">
              <dt>Cognito identity id</dt>
              <dd className="mono wrap" data-testid="identity-cognito-id">
                {identity.identityId ?? '—'}
              </dd>
            </div>
            <div>
              <dt>S3 clients</dt>
              <dd data-testid="identity-s3-clients">{s3Clients}</dd>
            </div>
            <div>
              <dt>Clients built</dt>
              <dd data-testid="identity-clients-built">{snapshot.stats.creates}</dd>
            </div>
            <div>
              <dt>Last resolved</dt>
              <dd data-testid="identity-reason">
                {credentials?.reason ? (
                  <span
                    className={`tag ${credentials.reason === 'auth-error' ? 'tag-evict' : credentials.reason === 'switch' ? 'tag-create' : 'tag-refresh'}`}
                  >
                    {credentials.reason}
                  </span>
                ) : (
                  '—'
                )}
              </dd>
            </div>
            <div>
              <dt>Expires</dt>
              <dd data-testid="identity-expires">
                {credentials?.expiration ? formatTime(Date.parse(credentials.expiration)) : '—'}
              </dd>
            </div>
            <div className="wide">
              <dt>Resolutions since load</dt>
              <dd className="small" data-testid="identity-resolutions">
                {resolutions}
                {resolutions > 0 &&
                  ` (${REASONS.filter((reason) => counts[reason] > 0)
                    .map((reason) => `${reason} ${counts[reason]}`)
                    .join(' · ')})`}
              </dd>
            </div>
          </dl>
          <p className="muted small facts-note">
            <strong>S3 clients</strong>: <Code>S3Client</Code> entries in the session&rsquo;s
            caches; <strong>clients built</strong>: <Code>snapshot().stats.creates</Code>. Neither
            moves when the identity changes.
          </p>
        </div>

        <div className="identity-col">
          <h3 className="subheading">Revoke</h3>
          {isSandbox ? (
            <>
              <p className="muted small">
                Ends every key pair the sandbox issued, before its expiry. The next request gets{' '}
                <Code>ExpiredToken</Code>; the session resolves new credentials once and sends it
                again (<Code>refreshOnAuthError</Code>).
              </p>
              <div className="button-row">
                <button
                  type="button"
                  className="button danger outline"
                  onClick={revoke}
                  disabled={busy !== null}
                >
                  {busy === 'revoke' ? 'Revoking…' : 'Revoke now'}
                </button>
                <button
                  type="button"
                  className="button secondary"
                  aria-pressed={burst?.running === true}
                  onClick={() => {
                    if (burstRunning.current) burstRunning.current = false
                    else void startBurst()
                  }}
                >
                  {burst?.running ? 'Stop requests' : 'Start requests'}
                </button>
              </div>
              <p role="status" className="status-line small" data-testid="revoke-status">
                {revoked}
              </p>
              {burst && (
                <div data-testid="burst" data-running={burst.running}>
                  <RequestCounts
                    testIdPrefix="burst"
                    ok={burst.ok}
                    failed={burst.failed}
                    className="burst-facts"
                  >
                    <Fact term="Auth errors" testId="burst-auth-errors">
                      {burst.authErrors}
                    </Fact>
                    <Fact term="Retried" testId="burst-retried">
                      {burst.running ? '…' : (retried ?? 'n/a')}
                    </Fact>
                  </RequestCounts>
                  <p className="muted small" data-testid="burst-status">
                    {burst.running
                      ? `${LANES} lanes of ListObjectsV2 and GetObject through the one S3 client…`
                      : `Stopped: ${burst.ok + burst.failed} requests, ${burst.failed} failed` +
                        (retried === null
                          ? '.'
                          : `; the sandbox answered ${burst.s3Requests} S3 requests, so ${retried} ${retried === 1 ? 'was' : 'were'} sent again after an auth error.`)}
                  </p>
                  {burst.lastError && <ErrorMessage error={`Last error: ${burst.lastError}`} />}
                </div>
              )}
            </>
          ) : (
            <p className="muted small">
              Revoking credentials is a sandbox feature; real AWS credentials expire on their own.
            </p>
          )}
        </div>
      </div>
    </Panel>
  )
}

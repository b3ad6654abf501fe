import type { SessionSnapshot } from 'aws-client-cache'
import type { ReactNode } from 'react'
import { countdown, percent } from './format.js'
import { Sparkline } from './Sparkline.js'
import { ThemeButton } from './ThemeButton.js'
import { WarningsBadge } from './WarningsBadge.js'

/** Credentials count as "refreshing soon" this long before expiry (the session refreshes then). */
const REFRESH_WINDOW_MS = 5 * 60_000

export type Theme = 'system' | 'light' | 'dark'

/**
 * The session header: identity (or the session picker), totals, hit rate and its sparkline,
 * credentials countdown, the warning badge, the theme and close buttons. In a narrow panel the
 * stats wrap in a smaller font and the buttons show only their glyphs.
 */
export function SessionHeader({
  snapshot,
  samples,
  now,
  theme,
  onTheme,
  onClose,
  picker,
  warningsId,
  warningsShown,
  onWarnings,
}: {
  snapshot: SessionSnapshot
  samples: readonly (number | null)[]
  now: number
  theme: Theme
  onTheme: (theme: Theme) => void
  onClose: (() => void) | undefined
  /** The session picker, shown in place of the session id. */
  picker: ReactNode
  warningsId: string
  warningsShown: boolean
  onWarnings: (shown: boolean) => void
}): ReactNode {
  const { hits, misses, creates, evictions, disposals } = snapshot.stats
  const credentials = credentialsText(snapshot.credentials, now)
  return (
    <header className="head">
      <div className="brand">
        <span className="logo" aria-hidden="true" />
        <span className="title">aws-client-cache</span>
        {picker ?? (
          <small className="muted mono session-id" title="Session id">
            {snapshot.id}
            {snapshot.regionName !== null && ` · ${snapshot.regionName}`}
            {snapshot.profileName !== null && ` · profile ${snapshot.profileName}`}
          </small>
        )}
      </div>
      <dl className="stats" aria-label="Session totals">
        <Stat name="Hits" value={hits} />
        <Stat name="Misses" value={misses} />
        <Stat name="Creates" value={creates} />
        <Stat name="Evictions" value={evictions} />
        <Stat name="Disposals" value={disposals} />
        <div>
          <dt>Hit rate</dt>
          <dd>
            {percent(hits, hits + misses)} <Sparkline values={samples} />
          </dd>
        </div>
        <div className={credentials.warn ? 'creds warn' : 'creds'}>
          <dt>Credentials</dt>
          <dd title={snapshot.credentials?.expiration ?? undefined}>
            {credentials.text}
            {snapshot.credentials?.reason != null && (
              <small className="muted" title="Why the credentials in force were resolved">
                {` · ${snapshot.credentials.reason}`}
              </small>
            )}
          </dd>
        </div>
      </dl>
      <div className="end">
        <WarningsBadge
          warnings={snapshot.warnings}
          controls={warningsId}
          expanded={warningsShown}
          onToggle={onWarnings}
        />
        <ThemeButton theme={theme} onTheme={onTheme} />
        {onClose !== undefined && (
          <button
            type="button"
            className="ghost icon"
            onClick={onClose}
            aria-label="Close devtools"
            data-tip="Close (Esc)"
          >
            <span aria-hidden="true">✕</span>
          </button>
        )}
      </div>
    </header>
  )
}

function Stat({ name, value }: { name: string; value: number }): ReactNode {
  return (
    <div>
      <dt>{name}</dt>
      <dd>{value.toLocaleString('en-US')}</dd>
    </div>
  )
}

function credentialsText(
  credentials: SessionSnapshot['credentials'],
  now: number,
): { text: string; warn: boolean } {
  if (credentials === null) return { text: 'none shared', warn: false }
  if (credentials.expiration === null) return { text: 'no expiry', warn: false }
  const left = Date.parse(credentials.expiration) - now
  if (left <= 0) return { text: `expired ${countdown(-left)} ago`, warn: true }
  return { text: `expires in ${countdown(left)}`, warn: left <= REFRESH_WINDOW_MS }
}

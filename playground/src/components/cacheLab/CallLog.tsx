/** "Your calls, and why they missed": the cache lab's latest calls, and why each one missed. */
import type { MissCause } from 'aws-client-cache'
import { describeCause } from '../labText.js'
import type { ClassName } from './labSettings.js'

/** One call of the lab, as "Your calls" shows it. */
export interface CallRecord {
  seq: number
  className: ClassName
  region: string
  logger: boolean
  /** `null` on a hit. */
  miss: { cause: MissCause | undefined } | null
}

/** The calls, newest first; nothing before the first call. */
export function CallLog({ calls }: { calls: CallRecord[] }) {
  if (calls.length === 0) return null
  return (
    <div className="calls">
      <h3 className="calls-title" id="lab-calls-title">
        Your calls, and why they missed
      </h3>
      <ol className="call-log" aria-labelledby="lab-calls-title" data-testid="lab-calls">
        {calls.map((c) => (
          <li key={c.seq}>
            <span className={`tag tag-${c.miss ? 'miss' : 'hit'}`}>{c.miss ? 'miss' : 'hit'}</span>
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
  )
}

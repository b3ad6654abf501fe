import type { EntrySnapshot } from 'aws-client-cache'
import { useId, type ReactNode } from 'react'
import { ago, fullTime } from './format.js'

/** The service of an SDK client class name: `S3Client` → `S3`; `null` for other names. */
export function serviceOf(className: string): string | null {
  return className.endsWith('Client') && className !== 'Client' ? className.slice(0, -6) : null
}

/**
 * One cache entry: its eviction rank, label and numbers. The row's main button opens the entry's
 * detail view (click, Enter or Space); the other evicts it.
 */
export function EntryRow({
  entry,
  rank,
  position,
  setSize,
  now,
  onOpen,
  onEvict,
}: {
  entry: EntrySnapshot
  rank: number
  position: number
  setSize: number
  now: number
  onOpen: () => void
  onEvict: () => void
}): ReactNode {
  const victim = rank === 0
  const service = serviceOf(entry.className)
  const metaId = useId()
  return (
    <div
      className={victim ? 'entry victim' : 'entry'}
      role="listitem"
      aria-posinset={position}
      aria-setsize={setSize}
      data-entry-id={entry.id}
    >
      <button
        type="button"
        className="open"
        aria-label={`Details of ${entry.label}`}
        aria-describedby={metaId}
        onClick={onOpen}
      >
        <span className="rank" title="Eviction order">
          #{rank + 1}
        </span>
        <span className="texts">
          <span className="line">
            <span className="label">{entry.label}</span>
            {victim && <span className="badge victim">next victim</span>}
          </span>
          <span className="meta" id={metaId}>
            <span>{entry.className}</span>
            {service !== null && <span>{service}</span>}
            <span>{entry.region ?? 'no region'}</span>
            <span>
              hits <b>{entry.hits}</b>
            </span>
            <span>
              freq <b>{entry.frequency}</b>
            </span>
            <span className={entry.inFlight > 0 ? 'busy' : undefined}>
              in flight <b>{entry.inFlight}</b>
            </span>
            <span>
              requests <b>{entry.requests}</b>
            </span>
            <span className={entry.errors > 0 ? 'bad' : undefined}>
              errors <b>{entry.errors}</b>
            </span>
            <span title={fullTime(entry.createdAt)}>created {ago(entry.createdAt, now)}</span>
            <span title={fullTime(entry.lastUsedAt)}>used {ago(entry.lastUsedAt, now)}</span>
          </span>
        </span>
      </button>
      <button
        type="button"
        className="ghost danger"
        aria-label={`Evict ${entry.label}`}
        onClick={onEvict}
      >
        Evict
      </button>
    </div>
  )
}

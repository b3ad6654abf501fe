import type {
  CacheSnapshot,
  CacheType,
  EntrySnapshot,
  EvictionPolicy,
  Session,
  SessionSnapshot,
} from 'aws-client-cache'
import { useId, useMemo, useState, type KeyboardEvent, type ReactNode } from 'react'
import { clearCache, evictEntry, resizeCache } from './cacheActions.js'
import { ago, fullTime } from './format.js'
import { VirtualList } from './VirtualList.js'

const CACHES = [
  ['client', 'LRU'],
  ['client', 'LFU'],
  ['resource', 'LRU'],
  ['resource', 'LFU'],
] as const satisfies readonly (readonly [CacheType, EvictionPolicy])[]

const ROW_HEIGHT = 44

type Row =
  | { readonly kind: 'group'; readonly frequency: number; readonly count: number }
  | { readonly kind: 'entry'; readonly entry: EntrySnapshot; readonly rank: number }

/** The four caches: a gauge each, and the selected one's entries and actions. */
export function CachesSection({
  session,
  snapshot,
  now,
}: {
  session: Session
  snapshot: SessionSnapshot
  now: number
}): ReactNode {
  const [selected, setSelected] = useState(0)
  const [query, setQuery] = useState('')
  const baseId = useId()
  const [type, policy] = CACHES[selected] ?? CACHES[0]
  const cache = snapshot.caches[type][policy]

  const onTabKey = (event: KeyboardEvent<HTMLElement>) => {
    const step = event.key === 'ArrowRight' ? 1 : event.key === 'ArrowLeft' ? -1 : 0
    if (step === 0) return
    event.preventDefault()
    const next = (selected + step + CACHES.length) % CACHES.length
    setSelected(next)
    const tabs = event.currentTarget.querySelectorAll<HTMLElement>('[role=tab]')
    tabs[next]?.focus()
  }

  return (
    <>
      <div className="gauges" role="tablist" aria-label="Caches" onKeyDown={onTabKey}>
        {CACHES.map(([t, p], index) => {
          const c = snapshot.caches[t][p]
          const fill = Math.min(100, (c.size / c.maxSize) * 100)
          return (
            <button
              key={`${t}-${p}`}
              type="button"
              role="tab"
              className="gauge"
              id={`${baseId}-tab-${index}`}
              aria-selected={index === selected}
              aria-controls={`${baseId}-panel`}
              tabIndex={index === selected ? 0 : -1}
              onClick={() => setSelected(index)}
            >
              <span className="top">
                <span className="name">
                  {t} · {p}
                </span>
                <span className="mono" aria-label={`${c.size} of ${c.maxSize}`}>
                  {c.size} / {c.maxSize}
                </span>
              </span>
              <span className={c.size >= c.maxSize ? 'bar full' : 'bar'} aria-hidden="true">
                <i style={{ width: `${fill}%` }} />
              </span>
            </button>
          )
        })}
      </div>
      <div
        className="body"
        role="tabpanel"
        id={`${baseId}-panel`}
        aria-labelledby={`${baseId}-tab-${selected}`}
      >
        <CacheView
          key={`${type}-${policy}`}
          session={session}
          cache={cache}
          query={query}
          onQuery={setQuery}
          now={now}
        />
      </div>
    </>
  )
}

function CacheView({
  session,
  cache,
  query,
  onQuery,
  now,
}: {
  session: Session
  cache: CacheSnapshot
  query: string
  onQuery: (query: string) => void
  now: number
}): ReactNode {
  const { cacheType, evictionPolicy } = cache
  const [size, setSize] = useState(String(cache.maxSize))
  const [shownMaxSize, setShownMaxSize] = useState(cache.maxSize)
  if (shownMaxSize !== cache.maxSize) {
    // The size changed elsewhere (a call's options, another tool): show the new one.
    setShownMaxSize(cache.maxSize)
    setSize(String(cache.maxSize))
  }
  const [error, setError] = useState<string>()
  const rows = useMemo(() => buildRows(cache, query), [cache, query])
  const matches = rows.reduce((n, row) => n + (row.kind === 'entry' ? 1 : 0), 0)
  const name = `${cacheType} ${evictionPolicy}`

  return (
    <>
      <div className="toolbar">
        <input
          className="grow"
          type="search"
          placeholder="Search by label…"
          aria-label="Search entries by label"
          value={query}
          onChange={(event) => onQuery(event.target.value)}
        />
        <form
          noValidate
          onSubmit={(event) => {
            event.preventDefault()
            setError(resizeCache(session, cacheType, evictionPolicy, Number(size)))
          }}
        >
          <label className="muted" htmlFor={`${cacheType}-${evictionPolicy}-max`}>
            max size
          </label>
          <input
            id={`${cacheType}-${evictionPolicy}-max`}
            type="number"
            min={1}
            step={1}
            value={size}
            onChange={(event) => setSize(event.target.value)}
          />
          <button type="submit">Apply</button>
        </form>
        <button
          type="button"
          className="danger"
          disabled={cache.size === 0}
          onClick={() => {
            setError(undefined)
            clearCache(session, cacheType, evictionPolicy)
          }}
        >
          Clear {name} cache
        </button>
      </div>
      {error !== undefined && (
        <p className="alert" role="alert">
          {error}
        </p>
      )}
      {matches === 0 ? (
        <p className="empty">
          {cache.size === 0 ? `The ${name} cache is empty.` : `No entry matches “${query}”.`}
        </p>
      ) : (
        <VirtualList
          count={rows.length}
          rowHeight={ROW_HEIGHT}
          label={`${name} entries, next victim first`}
          renderRow={(index) => {
            const row = rows[index] as Row
            return row.kind === 'group' ? (
              <div
                key={`f${row.frequency}`}
                className="group"
                role="listitem"
                aria-posinset={index + 1}
                aria-setsize={rows.length}
              >
                Frequency {row.frequency}
                <span>
                  {row.count} {row.count === 1 ? 'entry' : 'entries'}
                </span>
              </div>
            ) : (
              <EntryRow
                key={row.entry.id}
                entry={row.entry}
                rank={row.rank}
                position={index + 1}
                setSize={rows.length}
                now={now}
                onEvict={() => evictEntry(session, cacheType, evictionPolicy, row.entry.id)}
              />
            )
          }}
        />
      )}
    </>
  )
}

/** Entries matching `query` in eviction order; LFU ones under a header per frequency bucket. */
function buildRows(cache: CacheSnapshot, query: string): Row[] {
  const needle = query.trim().toLowerCase()
  const rows: Row[] = []
  let group: { kind: 'group'; frequency: number; count: number } | undefined
  cache.entries.forEach((entry, rank) => {
    if (needle !== '' && !entry.label.toLowerCase().includes(needle)) return
    if (cache.evictionPolicy === 'LFU' && group?.frequency !== entry.frequency) {
      group = { kind: 'group', frequency: entry.frequency, count: 0 }
      rows.push(group)
    }
    if (group !== undefined) group.count++
    rows.push({ kind: 'entry', entry, rank })
  })
  return rows
}

function EntryRow({
  entry,
  rank,
  position,
  setSize,
  now,
  onEvict,
}: {
  entry: EntrySnapshot
  rank: number
  position: number
  setSize: number
  now: number
  onEvict: () => void
}): ReactNode {
  const victim = rank === 0
  const service = entry.className.endsWith('Client') ? entry.className.slice(0, -6) : null
  return (
    <div
      className={victim ? 'entry victim' : 'entry'}
      role="listitem"
      aria-posinset={position}
      aria-setsize={setSize}
    >
      <span className="rank" title="Eviction order">
        #{rank + 1}
      </span>
      <div>
        <div className="line">
          <span className="label" title={entry.label}>
            {entry.label}
          </span>
          {victim && <span className="badge victim">next victim</span>}
        </div>
        <div className="meta">
          <span title="Class">{entry.className}</span>
          {service !== null && service !== '' && <span title="Service">{service}</span>}
          <span title="Region">{entry.region ?? 'no region'}</span>
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
        </div>
      </div>
      <button
        type="button"
        className="ghost danger"
        aria-label={`Evict ${entry.label}`}
        title="Evict"
        onClick={onEvict}
      >
        Evict
      </button>
    </div>
  )
}

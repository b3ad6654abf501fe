import type { CacheSnapshot, DevtoolsHandle, EntrySnapshot } from 'aws-client-cache'
import { useMemo, useRef, useState, type ReactNode } from 'react'
import { clearCache, evictEntry, resizeCache } from './cacheActions.js'
import { EntryDetail } from './EntryDetail.js'
import { EntryRow } from './EntryRow.js'
import type { LoggedEvent } from './EventLog.js'
import { useClientLayoutEffect } from './useClientLayoutEffect.js'
import { VirtualList } from './VirtualList.js'

const ROW_HEIGHT = 44

type Row =
  | { readonly kind: 'group'; readonly frequency: number; readonly count: number }
  | { readonly kind: 'entry'; readonly entry: EntrySnapshot; readonly rank: number }

/** Where focus goes once the list has re-rendered. */
type PendingFocus =
  | { readonly after: 'evict'; readonly id: string; readonly position: number }
  | { readonly after: 'detail'; readonly id: string }

/**
 * One cache: search, max size and clear, then its entries in eviction order (LFU ones under a
 * header per frequency bucket), or one entry's detail view in their place. Focus never drops to
 * `<body>`: after an eviction it moves to the entry that took the evicted one's place (the search
 * box when none is left), Clear keeps it, and leaving the detail view returns it to the entry.
 */
export function CacheView({
  handle,
  cache,
  events,
  query,
  onQuery,
  now,
}: {
  handle: DevtoolsHandle
  cache: CacheSnapshot
  events: readonly LoggedEvent[]
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
  /** The entry shown in detail, as last seen (it stays readable once evicted). */
  const [detail, setDetail] = useState<EntrySnapshot>()
  const list = useRef<HTMLDivElement>(null)
  const search = useRef<HTMLInputElement>(null)
  const pendingFocus = useRef<PendingFocus>(undefined)
  const rows = useMemo(() => buildRows(cache, query), [cache, query])
  const entries = rows.filter((row) => row.kind === 'entry')
  const name = `${cacheType} ${evictionPolicy}`
  const detailEntry =
    detail === undefined ? undefined : cache.entries.find((entry) => entry.id === detail.id)

  useClientLayoutEffect(() => {
    const pending = pendingFocus.current
    if (pending === undefined) return
    let id = pending.id
    if (pending.after === 'evict') {
      if (entries.some((row) => row.entry.id === pending.id)) return // not gone yet
      const next = entries[Math.min(pending.position, entries.length - 1)]
      if (next === undefined) {
        pendingFocus.current = undefined
        search.current?.focus()
        return
      }
      id = next.entry.id
    }
    pendingFocus.current = undefined
    const row = [...(list.current?.querySelectorAll<HTMLElement>('[data-entry-id]') ?? [])].find(
      (element) => element.dataset.entryId === id,
    )
    const target =
      row?.querySelector<HTMLElement>('button.open') ??
      list.current?.querySelector<HTMLElement>('.scroll') ??
      search.current
    target?.focus()
  })

  const openDetail = (entry: EntrySnapshot) => setDetail(entry)
  const closeDetail = () => {
    if (detail !== undefined) pendingFocus.current = { after: 'detail', id: detail.id }
    setDetail(undefined)
  }
  const evict = (entry: EntrySnapshot) => {
    const position = entries.findIndex((row) => row.entry.id === entry.id)
    // The entry leaves with the next snapshot (a frame later, or a bridge's round trip later).
    pendingFocus.current = { after: 'evict', id: entry.id, position }
    evictEntry(handle, cacheType, evictionPolicy, entry.id)
  }

  return (
    <>
      {detail !== undefined && (
        <EntryDetail
          entry={detailEntry ?? detail}
          cache={`${cacheType} · ${evictionPolicy}`}
          cached={detailEntry !== undefined}
          events={events}
          now={now}
          onBack={closeDetail}
        />
      )}
      <div className="body" ref={list} hidden={detail !== undefined}>
        <div className="toolbar">
          <input
            ref={search}
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
              setError(resizeCache(handle, cacheType, evictionPolicy, Number(size)))
            }}
          >
            <label className="muted max-label" htmlFor={`${cacheType}-${evictionPolicy}-max`}>
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
          {/* aria-disabled, not disabled: a disabled button would drop the focus to <body>. */}
          <button
            type="button"
            className="danger icon"
            aria-label={`Clear ${name} cache`}
            aria-disabled={cache.size === 0}
            onClick={() => {
              if (cache.size === 0) return
              setError(undefined)
              clearCache(handle, cacheType, evictionPolicy)
            }}
          >
            Clear<span className="text"> {name} cache</span>
          </button>
        </div>
        {error !== undefined && (
          <p className="alert" role="alert">
            {error}
          </p>
        )}
        {entries.length === 0 ? (
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
                  onOpen={() => openDetail(row.entry)}
                  onEvict={() => evict(row.entry)}
                />
              )
            }}
          />
        )}
      </div>
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

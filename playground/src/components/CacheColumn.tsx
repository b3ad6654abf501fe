/**
 * One client cache of the lab, in eviction order (next victim first). The list is windowed: it
 * scrolls inside a box of {@link VISIBLE_ROWS} rows and renders only the rows in view (and a few
 * around them), so a cache of 1,500 clients costs what a cache of 15 does. Rows re-render only
 * when their entry changed; their "used … ago" is its own small component on the shared clock.
 */
import type { CacheSnapshot, EntrySnapshot } from 'aws-client-cache'
import { memo, useState } from 'react'
import { Ago } from '../clock.js'
import { shortLabel } from './labText.js'

/** Height of one row in px, the gap below it included (rows have a fixed height to window them). */
const ROW_HEIGHT = 82
const ROW_GAP = 6
/** Rows the list shows before it scrolls. */
const VISIBLE_ROWS = 6
/** Rows rendered beyond each edge of the view, so a quick scroll shows no blank. */
const OVERSCAN = 4

type Tag = 'next victim' | 'first out' | null

interface RowProps {
  entry: EntrySnapshot
  /** 1-based position in eviction order. */
  position: number
  setSize: number
  tag: Tag
  showFrequency: boolean
}

const sameEntry = (a: EntrySnapshot, b: EntrySnapshot): boolean =>
  a.id === b.id &&
  a.label === b.label &&
  a.hits === b.hits &&
  a.frequency === b.frequency &&
  a.requests === b.requests &&
  a.inFlight === b.inFlight &&
  a.lastUsedAt === b.lastUsedAt

/** Snapshots are new objects on every read: compare rows by what they show. */
const sameRow = (a: RowProps, b: RowProps): boolean =>
  a.position === b.position &&
  a.setSize === b.setSize &&
  a.tag === b.tag &&
  a.showFrequency === b.showFrequency &&
  sameEntry(a.entry, b.entry)

const EntryRow = memo(function EntryRow({
  entry,
  position,
  setSize,
  tag,
  showFrequency,
}: RowProps) {
  return (
    <li
      className="entry"
      data-testid="cache-entry"
      aria-posinset={position}
      aria-setsize={setSize}
      style={{ height: ROW_HEIGHT - ROW_GAP, marginBottom: ROW_GAP }}
    >
      <span className="entry-label mono" title={entry.label}>
        {shortLabel(entry.label)}
      </span>
      <div className="entry-stats">
        {tag === 'next victim' && <span className="tag tag-evict">next victim</span>}
        {tag === 'first out' && <span className="tag tag-muted">first out</span>}
        <span>
          <b>{entry.hits}</b> hits
        </span>
        {showFrequency && (
          <span>
            freq <b>{entry.frequency}</b>
          </span>
        )}
        <span>
          <b>{entry.requests}</b> requests
        </span>
        {entry.inFlight > 0 && <span className="tag tag-create">{entry.inFlight} in flight</span>}
        <span className="muted">
          used <Ago at={entry.lastUsedAt} />
        </span>
      </div>
    </li>
  )
}, sameRow)

function EntryList({ cache }: { cache: CacheSnapshot }) {
  const { entries, evictionPolicy: policy } = cache
  const total = entries.length
  const [firstInView, setFirstInView] = useState(0)
  const scrolls = total > VISIBLE_ROWS
  // The list may have shrunk since the last scroll event.
  const first = Math.max(0, Math.min(firstInView, total - VISIBLE_ROWS))
  const start = Math.max(0, first - OVERSCAN)
  const end = Math.min(total, first + VISIBLE_ROWS + OVERSCAN)
  const tagOf = (index: number): Tag =>
    index !== 0
      ? null
      : cache.size >= cache.maxSize
        ? 'next victim'
        : cache.size > 1
          ? 'first out'
          : null

  const list = (
    <ol
      className="entries"
      aria-label={`${policy} entries, next victim first`}
      style={{ paddingTop: start * ROW_HEIGHT, paddingBottom: (total - end) * ROW_HEIGHT }}
    >
      {entries.slice(start, end).map((entry, i) => (
        <EntryRow
          key={entry.id}
          entry={entry}
          position={start + i + 1}
          setSize={total}
          tag={tagOf(start + i)}
          showFrequency={policy === 'LFU'}
        />
      ))}
    </ol>
  )
  return (
    <>
      <div
        className={`entries-view${scrolls ? ' scrolls' : ''}`}
        style={{ maxHeight: VISIBLE_ROWS * ROW_HEIGHT }}
        data-testid={`cache-${policy}-view`}
        onScroll={(event) => setFirstInView(Math.floor(event.currentTarget.scrollTop / ROW_HEIGHT))}
        // Keyboard users scroll it too; it is named after the entries it holds.
        {...(scrolls
          ? {
              tabIndex: 0,
              role: 'region',
              'aria-label': `${policy} entries (${total}), scrollable`,
            }
          : {})}
      >
        {list}
      </div>
      {scrolls && (
        <p className="muted small list-hint">
          {total.toLocaleString('en-US')} entries: scroll for more. Next victim first,{' '}
          {policy === 'LRU' ? 'most recently used' : 'most frequently used'} last.
        </p>
      )}
    </>
  )
}

/** One cache: its size against its capacity, and its entries. Re-renders only on a new snapshot. */
export const CacheColumn = memo(function CacheColumn({
  cache,
  active,
}: {
  cache: CacheSnapshot
  active: boolean
}) {
  const slots = Math.min(cache.maxSize, 20)
  const full = Math.round((cache.size / cache.maxSize) * slots)
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
        style={{ gridTemplateColumns: `repeat(${slots}, 1fr)` }}
      >
        {Array.from({ length: slots }, (_, i) => (
          <span key={i} className={i < full ? 'slot full' : 'slot'} />
        ))}
      </div>
      {cache.entries.length === 0 ? (
        <p className="muted empty">Empty. Call a client to fill it.</p>
      ) : (
        <EntryList cache={cache} />
      )}
    </section>
  )
})

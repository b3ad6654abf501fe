import type { CacheType, DevtoolsHandle, EvictionPolicy, SessionSnapshot } from 'aws-client-cache'
import { useId, useState, type ReactNode } from 'react'
import { CacheView } from './CacheView.js'
import type { LoggedEvent } from './EventLog.js'
import { onTabListKey } from './tabKeys.js'

const CACHES = [
  ['client', 'LRU'],
  ['client', 'LFU'],
  ['resource', 'LRU'],
  ['resource', 'LFU'],
] as const satisfies readonly (readonly [CacheType, EvictionPolicy])[]

/** The four caches: a gauge each (a tab), and the selected one's entries and actions. */
export function CachesSection({
  handle,
  snapshot,
  events,
  now,
}: {
  handle: DevtoolsHandle
  snapshot: SessionSnapshot
  events: readonly LoggedEvent[]
  now: number
}): ReactNode {
  const [selected, setSelected] = useState(0)
  const [query, setQuery] = useState('')
  const baseId = useId()
  const [type, policy] = CACHES[selected] ?? CACHES[0]
  const cache = snapshot.caches[type][policy]

  return (
    <>
      <div
        className="gauges"
        role="tablist"
        aria-label="Caches"
        onKeyDown={(event) => onTabListKey(event, selected, CACHES.length, setSelected)}
      >
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
          handle={handle}
          cache={cache}
          events={events}
          query={query}
          onQuery={setQuery}
          now={now}
        />
      </div>
    </>
  )
}

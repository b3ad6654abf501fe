import type { CacheEvent, SessionSnapshot } from 'aws-client-cache'

/** What {@link fitJson} may trim: a session's events (oldest go first) and snapshot entries. */
export interface Trimmable {
  readonly snapshot: SessionSnapshot
  readonly events?: readonly CacheEvent[]
  readonly dropped?: number
}

function stringify(value: unknown): string | undefined {
  try {
    return JSON.stringify(value)
  } catch {
    // A cycle or a BigInt: not plain JSON, so not bridged.
    return undefined
  }
}

/** The snapshot with each cache's entry list cut to `limit` (its `size` still tells the truth). */
function withEntries(snapshot: SessionSnapshot, limit: number): SessionSnapshot {
  const { client, resource } = snapshot.caches
  const cut = <T extends { entries: unknown[] }>(cache: T): T => ({
    ...cache,
    entries: cache.entries.slice(0, limit),
  })
  return {
    ...snapshot,
    caches: {
      client: { LRU: cut(client.LRU), LFU: cut(client.LFU) },
      resource: { LRU: cut(resource.LRU), LFU: cut(resource.LFU) },
    },
  }
}

function largestCache(snapshot: SessionSnapshot): number {
  const { client, resource } = snapshot.caches
  return Math.max(
    client.LRU.entries.length,
    client.LFU.entries.length,
    resource.LRU.entries.length,
    resource.LFU.entries.length,
  )
}

/**
 * `value` as JSON of at most `maxChars` characters, or `undefined` when it is not plain JSON or
 * cannot be made to fit. Too long, it halves the events (keeping the newest, adding the rest to
 * `dropped`) down to the newest one, then cuts each cache's entry list to the longest that fits
 * (a binary search; each cache's `size` still tells the truth). It never drops the last event of a
 * value that has some: the panel re-reads a session's snapshot after its events, so a batch
 * without events would leave it showing the old snapshot; when even the newest event and no
 * entries do not fit, nothing is sent. The number of `JSON.stringify` calls stays logarithmic in
 * the size of what is cut.
 */
export function fitJson<T extends Trimmable>(value: T, maxChars: number): string | undefined {
  let current: T = value
  let json = stringify(current)
  if (json === undefined) return undefined
  while (json.length > maxChars && (current.events?.length ?? 0) > 1) {
    const events = current.events ?? []
    const keep = Math.floor(events.length / 2)
    current = {
      ...current,
      events: events.slice(events.length - keep),
      dropped: (current.dropped ?? 0) + events.length - keep,
    }
    json = stringify(current)!
  }
  if (json.length <= maxChars) return json
  const snapshot = current.snapshot
  const withLimit = (limit: number): string =>
    stringify({ ...current, snapshot: withEntries(snapshot, limit) })!
  // Binary search: `fits` entries per cache fit (as `fitting`), `tooMany` do not.
  let fitting = withLimit(0)
  if (fitting.length > maxChars) return undefined
  let fits = 0
  let tooMany = largestCache(snapshot)
  while (tooMany - fits > 1) {
    const limit = Math.floor((fits + tooMany) / 2)
    const cut = withLimit(limit)
    if (cut.length <= maxChars) {
      fits = limit
      fitting = cut
    } else {
      tooMany = limit
    }
  }
  return fitting
}

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
 * `dropped`) until they fit or none is left, then halves each cache's entry list. Halving keeps
 * the number of `JSON.stringify` calls logarithmic in the size of what is cut.
 */
export function fitJson<T extends Trimmable>(value: T, maxChars: number): string | undefined {
  let current: T = value
  let json = stringify(current)
  if (json === undefined) return undefined
  while (json.length > maxChars && (current.events?.length ?? 0) > 0) {
    const events = current.events ?? []
    const keep = Math.floor(events.length / 2)
    current = {
      ...current,
      events: events.slice(events.length - keep),
      dropped: (current.dropped ?? 0) + events.length - keep,
    }
    json = stringify(current)!
  }
  let limit = largestCache(current.snapshot)
  while (json.length > maxChars && limit > 0) {
    limit = Math.floor(limit / 2)
    json = stringify({ ...current, snapshot: withEntries(current.snapshot, limit) })!
  }
  return json.length <= maxChars ? json : undefined
}

/** Snapshots with nothing cached, for tests of the panel and of the extension that carries it. */
import type {
  CacheSnapshot,
  CacheType,
  EntrySnapshot,
  EvictionPolicy,
  SessionSnapshot,
} from 'aws-client-cache'

/** One empty cache of the given type and policy, `maxSize` 10. */
export function emptyCacheSnapshot(
  cacheType: CacheType,
  evictionPolicy: EvictionPolicy,
): CacheSnapshot {
  return { cacheType, evictionPolicy, maxSize: 10, size: 0, entries: [] }
}

/** A session's snapshot with its four caches empty, no stats, warnings or credentials. */
export function emptySnapshot(id: string, regionName: string | null = null): SessionSnapshot {
  return {
    id,
    regionName,
    profileName: null,
    caches: {
      client: {
        LRU: emptyCacheSnapshot('client', 'LRU'),
        LFU: emptyCacheSnapshot('client', 'LFU'),
      },
      resource: {
        LRU: emptyCacheSnapshot('resource', 'LRU'),
        LFU: emptyCacheSnapshot('resource', 'LFU'),
      },
    },
    stats: { hits: 0, misses: 0, creates: 0, evictions: 0, disposals: 0 },
    warnings: [],
    credentials: null,
  }
}

/** An entry never used since it was built (at time 0): no hits, requests or errors. */
export function unusedEntrySnapshot(
  entry: Pick<EntrySnapshot, 'id' | 'label' | 'className' | 'region'>,
): EntrySnapshot {
  return {
    ...entry,
    hits: 0,
    frequency: 1,
    inFlight: 0,
    requests: 0,
    errors: 0,
    createdAt: 0,
    lastUsedAt: 0,
  }
}

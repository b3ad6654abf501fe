import type { CredentialsReason } from './SharedCredentials.js'
import type { CacheType, EvictionPolicy } from '../types.js'

/** One cache entry, as plain JSON. Times are ms since the epoch. */
export interface EntrySnapshot {
  /** The key's secret-free id. */
  id: string
  /** The key's secret-free label. */
  label: string
  /** Client class name (client entries) or resource definition name (resource entries). */
  className: string
  /** The effective config's region, or `null`. */
  region: string | null
  /** Uses (hits) since the entry was created. */
  hits: number
  /** LFU frequency (for LRU entries: uses + 1, so both read alike). */
  frequency: number
  /** Requests in flight on the entry's client (streaming bodies included). */
  inFlight: number
  /** Requests the entry's client has started. */
  requests: number
  /** Requests that failed. */
  errors: number
  createdAt: number
  lastUsedAt: number
}

/** One cache, as plain JSON; `entries` in eviction order (next victim first). */
export interface CacheSnapshot {
  cacheType: CacheType
  evictionPolicy: EvictionPolicy
  maxSize: number
  size: number
  entries: EntrySnapshot[]
}

/**
 * A session's whole state as plain JSON: it survives `JSON.parse(JSON.stringify(snapshot))`
 * unchanged, and holds no secret.
 */
export interface SessionSnapshot {
  id: string
  regionName: string | null
  profileName: string | null
  caches: {
    client: { LRU: CacheSnapshot; LFU: CacheSnapshot }
    resource: { LRU: CacheSnapshot; LFU: CacheSnapshot }
  }
  /** Session totals. */
  stats: { hits: number; misses: number; creates: number; evictions: number; disposals: number }
  /** `UNSTABLE_CONFIG` warnings so far (see `WarningEvent`), with their current miss counts. */
  warnings: { code: 'UNSTABLE_CONFIG'; className: string; path: string; count: number }[]
  /**
   * The shared credentials in force: their expiry (ISO; `null` when they do not expire or none are
   * resolved yet) and why they were last resolved; `null` when the session has no credentials.
   */
  credentials: { expiration: string | null; reason: CredentialsReason | null } | null
}

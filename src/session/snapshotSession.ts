import type { SessionCache } from './SessionCache.js'
import type { Built } from './Built.js'
import { cacheSnapshot } from './cacheSnapshot.js'
import type { MissDiagnostics } from './MissDiagnostics.js'
import type { SessionSnapshot } from './SessionSnapshot.js'
import type { SessionStats } from './SessionStats.js'
import type { SharedCredentials } from './SharedCredentials.js'

/** What a session's snapshot reads. @internal */
export interface SnapshotSource {
  readonly id: string
  readonly regionName: string | undefined
  readonly profileName: string | undefined
  readonly cache: SessionCache
  readonly built: WeakMap<object, Built>
  readonly stats: SessionStats
  readonly diagnostics: MissDiagnostics
  readonly credentials: SharedCredentials
}

/** The whole session state as plain, secret-free JSON. @internal */
export function snapshotSession(source: SnapshotSource): SessionSnapshot {
  const { cache, built, credentials } = source
  return {
    id: source.id,
    regionName: source.regionName ?? null,
    profileName: source.profileName ?? null,
    caches: {
      client: {
        LRU: cacheSnapshot(cache.client.LRU, built),
        LFU: cacheSnapshot(cache.client.LFU, built),
      },
      resource: {
        LRU: cacheSnapshot(cache.resource.LRU, built),
        LFU: cacheSnapshot(cache.resource.LFU, built),
      },
    },
    stats: { ...source.stats },
    warnings: source.diagnostics.warnings(),
    credentials: credentials.hasSource
      ? {
          expiration: credentials.current?.expiration?.toISOString() ?? null,
          reason: credentials.lastReason ?? null,
        }
      : null,
  }
}

/** Handles for bridge tests: real sessions, and a synthetic one that emits events on demand. */
import {
  createDevtoolsHandle,
  Session,
  type CacheEvent,
  type CacheEventListener,
  type DevtoolsHandle,
  type EntrySnapshot,
  type SessionSnapshot,
} from 'aws-client-cache'
import {
  emptySnapshot as emptyPanelSnapshot,
  unusedEntrySnapshot,
} from '../../devtools/test-support/snapshots.js'

export class FakeClient {
  readonly config = { serviceId: 'Fake' }
  readonly middlewareStack = { add: () => {} }
  constructor(readonly input: unknown) {}
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

/** A real session and its handle. */
export function sessionHandle(session = new Session({ region: 'us-east-1' })): {
  session: Session
  handle: DevtoolsHandle
} {
  return { session, handle: createDevtoolsHandle(session) }
}

/** A session's snapshot with nothing cached, in us-east-1. */
export function emptySnapshot(id: string): SessionSnapshot {
  return emptyPanelSnapshot(id, 'us-east-1')
}

/** A snapshot entry labelled `label`: an S3Client in us-east-1, never used. */
export function entrySnapshot(i: number, label: string): EntrySnapshot {
  return unusedEntrySnapshot({ id: `key-${i}`, label, className: 'S3Client', region: 'us-east-1' })
}

/** {@link emptySnapshot} with `entries` in its client LRU cache (sized to them) and `hits`. */
export function snapshotWithEntries(
  id: string,
  entries: EntrySnapshot[],
  hits = 0,
): SessionSnapshot {
  const base = emptySnapshot(id)
  const size = entries.length
  return {
    ...base,
    stats: { ...base.stats, hits },
    caches: {
      ...base.caches,
      client: {
        ...base.caches.client,
        LRU: { ...base.caches.client.LRU, maxSize: size, size, entries },
      },
    },
  }
}

/** A handle with an empty snapshot whose events the test emits; counts its subscriptions. */
export function syntheticHandle(id: string, snapshot?: SessionSnapshot) {
  const listeners = new Set<CacheEventListener>()
  let current: SessionSnapshot = snapshot ?? emptySnapshot(id)
  const counts = { subscribed: 0, unsubscribed: 0 }
  /** The actions it was asked for, as `evict client LRU key-1`, `clear …`, `resize … 5`. */
  const actions: string[] = []
  const handle: DevtoolsHandle = {
    id,
    version: 'test',
    snapshot: () => current,
    subscribe(listener) {
      counts.subscribed++
      listeners.add(listener)
      return () => {
        counts.unsubscribed++
        listeners.delete(listener)
      }
    },
    evict: (cacheType, policy, keyId) => void actions.push(`evict ${cacheType} ${policy} ${keyId}`),
    clear: (cacheType, policy) => void actions.push(`clear ${cacheType} ${policy}`),
    resize: (cacheType, policy, maxSize) =>
      void actions.push(`resize ${cacheType} ${policy} ${maxSize}`),
  }
  return {
    handle,
    counts,
    actions,
    listening: () => listeners.size,
    emit(event: CacheEvent) {
      for (const listener of [...listeners]) listener(event)
    },
    setSnapshot(next: SessionSnapshot) {
      current = next
    },
  }
}

/** A hit event on a made-up key. */
export function hit(n: number, label = `S3Client(region: 'us-east-1') #${n}`): CacheEvent {
  return {
    type: 'hit',
    at: 1_700_000_000_000 + n,
    cacheType: 'client',
    evictionPolicy: 'LRU',
    keyId: `key-${n}`,
    label,
  }
}

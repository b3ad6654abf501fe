import type { CacheEvent, SessionSnapshot } from 'aws-client-cache'
import { describe, expect, it } from 'vitest'
import { parseHookMessage } from './HookMessage.js'
import { isCacheEvent } from './isCacheEvent.js'
import { isSessionSnapshot } from './isSessionSnapshot.js'
import { FakeClient, hit, sessionHandle } from '../test-support/handles.js'

/** Every path to a leaf (a string, number, boolean or null) of a JSON value. */
function leaves(value: unknown, path: (string | number)[] = []): (string | number)[][] {
  if (Array.isArray(value)) return value.flatMap((item, i) => leaves(item, [...path, i]))
  if (typeof value === 'object' && value !== null) {
    return Object.entries(value).flatMap(([key, item]) => leaves(item, [...path, key]))
  }
  return [path]
}

/** A deep copy of `value` with the leaf at `path` replaced by `replacement`. */
function replaced<T>(value: T, path: (string | number)[], replacement: unknown): T {
  const copy = structuredClone(value) as Record<string | number, unknown>
  let at = copy
  for (const key of path.slice(0, -1)) at = at[key] as Record<string | number, unknown>
  at[path.at(-1)!] = replacement
  return copy as T
}

/**
 * Times and durations may be any finite number (wall-clock time may step back); every other
 * number is a count.
 */
const TIMES = new Set<unknown>(['at', 'createdAt', 'lastUsedAt', 'duration'])

/** What a leaf of the other kind looks like: an object (what crashes React), a wrong primitive. */
function wrongValues(leaf: unknown, path: (string | number)[]): unknown[] {
  const wrong: unknown[] = [{}, []]
  if (typeof leaf === 'number') {
    wrong.push(String(leaf), Infinity)
    if (!TIMES.has(path.at(-1))) wrong.push(-1)
  } else if (typeof leaf === 'string') wrong.push(1)
  else if (typeof leaf === 'boolean') wrong.push('true')
  else wrong.push(1) // null: a string would do for some, a number for none
  return wrong
}

const at = (value: unknown, path: (string | number)[]): unknown =>
  path.reduce<unknown>((node, key) => (node as Record<string | number, unknown>)[key], value)

/** A real session's snapshot with an entry per cache, a warning and credentials. */
function fullSnapshot(): SessionSnapshot {
  const { session, handle } = sessionHandle()
  session.client(FakeClient, { region: 'eu-west-1' })
  const snapshot = handle.snapshot()
  const entry = snapshot.caches.client.LRU.entries[0]!
  const withEntry = <C extends { entries: unknown[] }>(cache: C): C => ({
    ...cache,
    entries: [entry],
  })
  return {
    ...snapshot,
    profileName: 'dev',
    caches: {
      client: { LRU: snapshot.caches.client.LRU, LFU: withEntry(snapshot.caches.client.LFU) },
      resource: {
        LRU: withEntry(snapshot.caches.resource.LRU),
        LFU: withEntry(snapshot.caches.resource.LFU),
      },
    },
    warnings: [{ code: 'UNSTABLE_CONFIG', className: 'S3Client', path: 'logger', count: 3 }],
    credentials: { expiration: '2030-01-01T00:00:00.000Z', reason: 'refresh' },
  }
}

/** One event of every type, every optional field present. */
function everyEvent(): CacheEvent[] {
  const keyId = 'key-1'
  const label = "S3Client({ region: 'us-east-1' })"
  const base = { at: 1_700_000_000_000, cacheType: 'client', evictionPolicy: 'LRU' } as const
  return [
    { ...base, type: 'hit', keyId, label },
    { ...base, type: 'miss', keyId, label },
    { ...base, type: 'miss', keyId, label, cause: { kind: 'new' } },
    { ...base, type: 'miss', keyId, label, cause: { kind: 'evicted', reason: 'capacity' } },
    {
      ...base,
      type: 'miss',
      keyId,
      label,
      cause: { kind: 'differs', nearest: { keyId: 'k0', label: 'S3Client()' }, paths: ['region'] },
    },
    { ...base, type: 'create', keyId, label },
    { ...base, type: 'evict', keyId, label, reason: 'delete' },
    { ...base, type: 'dispose', keyId, label },
    { ...base, type: 'resize', maxSize: 5, previousMaxSize: 10 },
    { ...base, type: 'clear', count: 2 },
    { ...base, type: 'request', keyId, label, commandName: 'ListBucketsCommand' },
    {
      ...base,
      type: 'response',
      keyId,
      label,
      commandName: 'ListBucketsCommand',
      duration: 12,
      ok: false,
    },
    {
      at: base.at,
      cacheType: null,
      evictionPolicy: null,
      type: 'credentials',
      refresh: true,
      reason: 'auth-error',
      expiration: null,
    },
    {
      ...base,
      type: 'warning',
      code: 'UNSTABLE_CONFIG',
      className: 'S3Client',
      path: 'logger',
      count: 3,
      message: 'S3Client missed the cache 3 times',
    },
  ]
}

describe('the bridge schema', () => {
  it('takes a whole snapshot, and drops one with any field of the wrong type', () => {
    const snapshot = fullSnapshot()
    expect(isSessionSnapshot(snapshot)).toBe(true)
    expect(isSessionSnapshot({ ...snapshot, credentials: null })).toBe(true)
    expect(isSessionSnapshot({ ...snapshot, credentials: { expiration: null } })).toBe(true)
    const paths = leaves(snapshot)
    expect(paths.length).toBeGreaterThan(60)
    const passed: string[] = []
    for (const path of paths) {
      for (const wrong of wrongValues(at(snapshot, path), path)) {
        if (isSessionSnapshot(replaced(snapshot, path, wrong))) {
          passed.push(`${path.join('.')} = ${JSON.stringify(wrong)}`)
        }
      }
    }
    expect(passed).toEqual([])
    // A cache filed under another side or policy than its own (actions name it by both).
    expect(
      isSessionSnapshot(replaced(snapshot, ['caches', 'client', 'LFU', 'evictionPolicy'], 'LRU')),
    ).toBe(false)
    expect(isSessionSnapshot(replaced(snapshot, ['warnings', 0], 'UNSTABLE_CONFIG'))).toBe(false)
  })

  it('takes every kind of event, and drops one with any field of the wrong type', () => {
    const passed: string[] = []
    for (const event of everyEvent()) {
      expect(isCacheEvent(event), JSON.stringify(event)).toBe(true)
      for (const path of leaves(event)) {
        if (path[0] === 'type') continue
        for (const wrong of wrongValues(at(event, path), path)) {
          if (isCacheEvent(replaced(event, path, wrong))) {
            passed.push(`${event.type} ${path.join('.')} = ${JSON.stringify(wrong)}`)
          }
        }
      }
    }
    expect(passed).toEqual([])
    const [first] = everyEvent()
    for (const forged of [
      { ...first, type: 'toString' },
      { ...first, type: 'miss', cause: { kind: 'other' } },
      {
        ...first,
        type: 'credentials',
        cacheType: null,
        evictionPolicy: null,
        refresh: false,
        reason: 'constructor',
        expiration: null,
      },
    ]) {
      expect(isCacheEvent(forged), JSON.stringify(forged)).toBe(false)
    }
  })

  it('drops a hook message whose snapshot or events would break the panel', () => {
    const snapshot = fullSnapshot()
    const entries = replaced(snapshot, ['caches', 'client', 'LRU', 'entries', 0, 'hits'], {})
    const good = { key: 'r1', snapshot, events: [hit(1)], dropped: 0 }
    expect(parseHookMessage({ type: 'session', key: 'r1', version: '1', snapshot })).toBeDefined()
    expect(parseHookMessage({ type: 'batch', sessions: [good] })).toBeDefined()
    for (const message of [
      { type: 'session', key: 'r1', version: '1', snapshot: entries },
      { type: 'batch', sessions: [{ ...good, snapshot: entries }] },
      { type: 'batch', sessions: [{ ...good, events: [{ ...hit(1), at: {} }] }] },
      { type: 'batch', sessions: [{ ...good, events: [] }] },
    ]) {
      expect(parseHookMessage(message)).toBeUndefined()
    }
  })
})

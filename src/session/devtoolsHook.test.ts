/**
 * The library side of the browser DevTools extension: in development (Vitest runs with
 * `NODE_ENV=test`) each session registers a handle with the hook at
 * `globalThis[Symbol.for('aws-client-cache.devtools')]` when there is one, and unregisters on
 * `dispose()`. That production bundles carry none of it is checked by
 * test/developmentOnlyCode.node.test.ts.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  ClientCacheKey,
  Session,
  createDevtoolsHandle,
  type CacheEvent,
  type DevtoolsHandle,
  type DevtoolsHook,
} from '../index.js'
import { VERSION } from '../version.js'

const HOOK = Symbol.for('aws-client-cache.devtools')
const ACCESS_KEY = 'AKIASeCrEtACCESSKEY0001'
const SECRET = 'SeCrEtwJalrXUtnFEMI/K7MDENG/bPxRfiCYKEY'
const TOKEN = 'SeCrEtFwoGZXIvYXdzEXAMPLESESSIONTOKEN'

class FakeClient {
  constructor(readonly config: Record<string, unknown> = {}) {}
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

/** Installs a hook that records what registers; returns the handles it holds. */
function installHook(): { handles: Set<DevtoolsHandle>; hook: DevtoolsHook } {
  const handles = new Set<DevtoolsHandle>()
  const hook: DevtoolsHook = {
    register: vi.fn((handle: DevtoolsHandle) => {
      handles.add(handle)
      return () => handles.delete(handle)
    }),
  }
  vi.stubGlobal(HOOK, hook)
  return { handles, hook }
}

/** The one handle the hook holds for `session`. */
function handleOf(handles: Set<DevtoolsHandle>, session: Session): DevtoolsHandle {
  const found = [...handles].filter((handle) => handle.id === session.snapshot().id)
  expect(found).toHaveLength(1)
  return found[0] as DevtoolsHandle
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('the devtools hook', () => {
  it('registers each new session with the hook, and unregisters it on dispose', async () => {
    const { handles, hook } = installHook()
    const first = new Session()
    const second = new Session({ region: 'eu-west-1' })
    expect(hook.register).toHaveBeenCalledTimes(2)
    const handle = handleOf(handles, second)
    expect(handle.version).toBe(VERSION)
    expect(handle.snapshot().regionName).toBe('eu-west-1')

    await second.dispose()
    expect([...handles].map((h) => h.id)).toEqual([first.snapshot().id])
    await second.dispose() // idempotent: unregisters once
    await first.dispose()
    expect(handles.size).toBe(0)
  })

  it('does nothing without a hook, or with something else at its name', async () => {
    expect((globalThis as Record<symbol, unknown>)[HOOK]).toBeUndefined()
    const session = new Session()
    session.client(FakeClient, { region: 'a' })
    await session.dispose()

    for (const notAHook of [null, 42, 'hook', {}, { register: 'no' }]) {
      vi.stubGlobal(HOOK, notAHook)
      const other = new Session()
      other.client(FakeClient, { region: 'a' })
      await other.dispose()
    }
  })

  it('keeps the session working when the hook throws, and reports the error', async () => {
    const reported: unknown[] = []
    vi.stubGlobal('reportError', (error: unknown) => reported.push(error))
    vi.spyOn(console, 'error').mockImplementation(() => {})
    vi.stubGlobal(HOOK, {
      register: () => {
        throw new Error('hook bug')
      },
    })
    const session = new Session()
    expect(session.client(FakeClient, { region: 'a' })).toBe(
      session.client(FakeClient, { region: 'a' }),
    )
    await session.dispose()

    vi.stubGlobal(HOOK, {
      register: () => () => {
        throw new Error('unregister bug')
      },
    })
    const other = new Session()
    await expect(other.dispose()).resolves.toBeUndefined()
    expect(reported.map((error) => (error as Error).message)).toEqual([
      'hook bug',
      'unregister bug',
    ])
  })

  it('gives a handle whose snapshot, events and actions are those of the session', async () => {
    const { handles } = installHook()
    const session = new Session({ defaults: { maxSize: 4 } })
    const handle = handleOf(handles, session)
    const events: CacheEvent[] = []
    const stop = handle.subscribe((event) => events.push(event))
    const lastOf = (type: CacheEvent['type']) =>
      [...events].reverse().find((event) => event.type === type)

    const a = session.client(FakeClient, { region: 'a' })
    session.client(FakeClient, { region: 'b' })
    session.client(FakeClient, { region: 'c' })
    expect(events.map((event) => event.type)).toEqual([
      'miss',
      'create',
      'miss',
      'create',
      'miss',
      'create',
    ])
    expect(handle.snapshot()).toEqual(session.snapshot())

    // evict: by key id; an unknown id, cache or policy changes nothing.
    const keyA = new ClientCacheKey(FakeClient, { region: 'a' })
    handle.evict('client', 'LRU', keyA.id)
    expect(lastOf('evict')).toMatchObject({ reason: 'delete', keyId: keyA.id })
    expect(session.client(FakeClient, { region: 'a' })).not.toBe(a)
    const size = session.cache.client.LRU.size
    handle.evict('client', 'LRU', 'no-such-id')
    handle.evict('nope' as never, 'LRU', keyA.id)
    handle.evict('client', 'MRU' as never, keyA.id)
    expect(session.cache.client.LRU.size).toBe(size)

    // resize: a refused size changes nothing and throws nothing.
    handle.resize('client', 'LRU', 2)
    expect(handle.snapshot().caches.client.LRU).toMatchObject({ maxSize: 2, size: 2 })
    expect(lastOf('evict')).toMatchObject({ reason: 'resize' })
    for (const refused of [0, -1, 1.5, Number.NaN, Number.POSITIVE_INFINITY]) {
      handle.resize('client', 'LRU', refused)
    }
    handle.resize('elsewhere' as never, 'LRU', 1)
    expect(handle.snapshot().caches.client.LRU.maxSize).toBe(2)
    handle.resize('resource', 'LFU', 1)
    expect(session.cache.resource.LFU.maxSize).toBe(1)

    // clear
    handle.clear('client', 'LRU')
    expect(handle.snapshot().caches.client.LRU.size).toBe(0)
    expect(lastOf('clear')).toMatchObject({ cacheType: 'client', evictionPolicy: 'LRU' })
    handle.clear('client', 'nope' as never)

    const count = events.length
    stop()
    session.client(FakeClient, { region: 'z' })
    expect(events).toHaveLength(count)
    await session.dispose()
  })

  it('never hands out a secret: not in the handle, its snapshots or its events', async () => {
    const { handles } = installHook()
    const credentials = { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET, sessionToken: TOKEN }
    const session = new Session({ credentials })
    const handle = handleOf(handles, session)
    const events: CacheEvent[] = []
    handle.subscribe((event) => events.push(event))
    session.client(FakeClient, { region: 'a', credentials })
    session.client(FakeClient, { region: 'a', credentials: { ...credentials, sessionToken: 'x' } })
    session.client(FakeClient, { region: 'a', logins: { 'accounts.example': TOKEN } })
    session.setCredentials({ accessKeyId: ACCESS_KEY, secretAccessKey: `${SECRET}2` })
    await session.getCredentials()
    const surfaces = [
      JSON.stringify(handle),
      String(Object.values(handle)),
      JSON.stringify(handle.snapshot()),
      JSON.stringify(events),
    ].join('\n')
    expect(events.length).toBeGreaterThan(4)
    for (const secret of [ACCESS_KEY, SECRET, TOKEN]) expect(surfaces).not.toContain(secret)
    await session.dispose()
  })
})

describe('createDevtoolsHandle()', () => {
  it('wraps any session, without a hook; its id is the session id', () => {
    const session = new Session()
    const handle = createDevtoolsHandle(session)
    expect(handle.id).toBe(session.snapshot().id)
    expect(handle.id).toBe(handle.snapshot().id)
  })
})

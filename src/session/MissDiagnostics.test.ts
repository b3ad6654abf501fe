/**
 * Why a miss: the cause of every session miss (`new`, `evicted`, `differs`), and the
 * `UNSTABLE_CONFIG` warning's once-only rule.
 */
import { afterEach, describe, expect, it, vi } from 'vitest'
import {
  Session,
  defineResource,
  type CacheEvent,
  type MissCause,
  type WarningEvent,
} from '../index.js'
import { EVICTION_MEMORY } from './MissDiagnostics.js'

class FakeClient {
  readonly middlewareStack = { add: () => {} }
  constructor(readonly config: Record<string, unknown> = {}) {}
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

/** A client class of its own, so each test's console warnings are its own (one per realm). */
function freshClass(name: string): typeof FakeClient {
  return { [name]: class extends FakeClient {} }[name]!
}

afterEach(() => {
  vi.restoreAllMocks()
})

function observe(session: Session) {
  const events: CacheEvent[] = []
  session.subscribe((event) => events.push(event))
  return {
    events,
    causes: (): (MissCause | undefined)[] =>
      events.flatMap((event) => (event.type === 'miss' ? [event.cause] : [])),
    warnings: (): WarningEvent[] =>
      events.flatMap((event) => (event.type === 'warning' ? [event] : [])),
  }
}

describe('miss causes', () => {
  it('new: nothing of this class cached, nothing evicted for this key', () => {
    const session = new Session({ region: 'us-east-1' })
    const { causes } = observe(session)
    session.client(FakeClient)
    expect(causes()).toEqual([{ kind: 'new' }])
  })

  it('differs: the nearest entry of the class and the top-level properties that differ', () => {
    const session = new Session({ region: 'us-east-1' })
    const { causes } = observe(session)
    const a = session.client(FakeClient, { maxAttempts: 1 })
    session.client(FakeClient, { region: 'eu-west-1', maxAttempts: 2 })
    session.client(FakeClient, { maxAttempts: 3 })
    const nearestLabel = session.cache.client.LRU.keys().find(
      (key) => session.cache.client.LRU.peek(key) === a,
    )!.label
    expect(causes()[2]).toEqual({
      kind: 'differs',
      nearest: { keyId: expect.any(String), label: nearestLabel },
      paths: ['maxAttempts'],
    })
  })

  it('differs: any difference under credentials is reported as credentials, never its value', () => {
    const session = new Session({ region: 'us-east-1' })
    const { causes, events } = observe(session)
    session.client(FakeClient, {
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'first-secret-value-1234' },
    })
    session.client(FakeClient, {
      credentials: { accessKeyId: 'AKID', secretAccessKey: 'second-secret-value-5678' },
    })
    expect(causes()[1]).toMatchObject({ kind: 'differs', paths: ['credentials'] })
    expect(JSON.stringify(events)).not.toMatch(/secret-value/)
  })

  it('only compares entries of the same class, in the same cache', () => {
    const Other = freshClass('OtherClient')
    const session = new Session()
    const { causes } = observe(session)
    session.client(FakeClient, { region: 'a' })
    session.client(Other, { region: 'b' })
    session.client(Other, { region: 'c' }, { evictionPolicy: 'LFU' })
    expect(causes().map((cause) => cause?.kind)).toEqual(['new', 'new', 'new'])
  })

  it.each([
    ['capacity', (session: Session) => session.client(FakeClient, { region: 'b' })],
    [
      'delete',
      (session: Session) => session.cache.client.LRU.delete(session.cache.client.LRU.keys()[0]!),
    ],
    ['clear', (session: Session) => session.cache.client.LRU.clear()],
    ['resize', (session: Session) => session.client(FakeClient, { region: 'b' }, { maxSize: 1 })],
  ] as const)('evicted (%s): this very key was cached and evicted', (reason, evict) => {
    const session = new Session({ defaults: { maxSize: reason === 'capacity' ? 1 : 2 } })
    const { causes } = observe(session)
    session.client(FakeClient, { region: 'a' })
    if (reason === 'resize') session.client(FakeClient, { region: 'c' })
    evict(session)
    session.client(FakeClient, { region: 'a' })
    expect(causes().at(-1)).toEqual({ kind: 'evicted', reason })
  })

  it(`remembers the last ${EVICTION_MEMORY} evictions of each cache, no more`, () => {
    const session = new Session({ defaults: { maxSize: 1 } })
    const { causes } = observe(session)
    for (let i = 0; i <= EVICTION_MEMORY + 1; i++) session.client(FakeClient, { region: `r${i}` })
    // r0 … r(N) were evicted; r0 fell out of the memory, r1 did not.
    session.client(FakeClient, { region: 'r1' })
    expect(causes().at(-1)).toEqual({ kind: 'evicted', reason: 'capacity' })
    session.client(FakeClient, { region: 'r0' })
    expect(causes().at(-1)?.kind).toBe('differs')
  })

  it('resources: the definition is the class, resourceOptions one more property', () => {
    const table = defineResource({
      name: 'Table',
      client: FakeClient,
      create: (client, options?: { name: string }) => ({ client, options }),
    })
    const session = new Session()
    const { causes } = observe(session)
    session.resource(table, { region: 'a' }, { resourceOptions: { name: 't1' } })
    session.resource(table, { region: 'a' }, { resourceOptions: { name: 't2' } })
    session.resource(table, { region: 'b' }, { resourceOptions: { name: 't1' } })
    expect(
      causes().map((cause) => (cause?.kind === 'differs' ? cause.paths : cause?.kind)),
    ).toEqual(['new', ['resourceOptions'], ['region']])
  })

  it('hits carry no cause and cost no diagnosis: the snapshot counts them as before', () => {
    const session = new Session()
    const { events } = observe(session)
    session.client(FakeClient)
    session.client(FakeClient)
    expect(events.map((event) => event.type)).toEqual(['miss', 'create', 'hit'])
  })
})

describe('UNSTABLE_CONFIG', () => {
  it('warns once, on the third miss that differs only in a value new on every call', () => {
    const Client = freshClass('LoggerClient')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    const session = new Session({ region: 'us-east-1' })
    const { warnings } = observe(session)
    const call = () => session.client(Client, { logger: { debug: () => {} } })
    call() // new
    call() // differs 1
    call() // differs 2
    expect(warnings()).toEqual([])
    call() // differs 3: the warning
    call()
    expect(warnings()).toEqual([
      {
        type: 'warning',
        at: expect.any(Number),
        cacheType: 'client',
        evictionPolicy: 'LRU',
        code: 'UNSTABLE_CONFIG',
        className: 'LoggerClient',
        path: 'logger',
        count: 3,
        message: expect.stringContaining('config.logger'),
      },
    ])
    expect(warnings()[0]!.message).toMatch(/Create it once and reuse it.*clientConfig/)
    expect(session.snapshot().warnings).toEqual([
      { code: 'UNSTABLE_CONFIG', className: 'LoggerClient', path: 'logger', count: 4 },
    ])
    expect(warn).toHaveBeenCalledTimes(1)
    expect(warn.mock.calls[0]![0]).toBe(warnings()[0]!.message)
  })

  it('one console.warn per class and path per realm, one event per session', () => {
    const Client = freshClass('HandlerClient')
    const warn = vi.spyOn(console, 'warn').mockImplementation(() => {})
    for (let s = 0; s < 2; s++) {
      const session = new Session()
      const { warnings } = observe(session)
      for (let i = 0; i < 4; i++) session.client(Client, { requestHandler: { handle() {} } })
      expect(warnings().map((w) => w.path)).toEqual(['requestHandler'])
    }
    expect(warn).toHaveBeenCalledTimes(1)
  })

  it.each([
    ['a value that really differs', (i: number) => ({ region: `r${i}` })],
    ['two properties at once', (i: number) => ({ logger: { debug: () => i }, maxAttempts: i })],
    ['a logger present on one side only', (i: number) => (i % 2 ? {} : { logger: () => i })],
  ])('does not warn for %s', (_name, config) => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const session = new Session({ defaults: { maxSize: 1 } })
    const { warnings } = observe(session)
    for (let i = 0; i < 8; i++) session.client(FakeClient, config(i))
    expect(warnings()).toEqual([])
  })

  it('on a tie, compares with the newest entry (the last call of an unstable config)', () => {
    vi.spyOn(console, 'warn').mockImplementation(() => {})
    const session = new Session()
    const { warnings, causes } = observe(session)
    session.client(FakeClient, {}) // an entry without a logger, one path away from all below
    for (let i = 0; i < 4; i++) session.client(FakeClient, { logger: () => i })
    const last = causes().at(-1)
    expect(last).toMatchObject({ kind: 'differs', paths: ['logger'] })
    expect(warnings().map((w) => w.path)).toEqual(['logger'])
  })
})

import { CognitoIdentityClient } from '@aws-sdk/client-cognito-identity'
import { DynamoDBClient } from '@aws-sdk/client-dynamodb'
import { S3Client } from '@aws-sdk/client-s3'
import { DynamoDBDocumentClient } from '@aws-sdk/lib-dynamodb'
import { afterEach, describe, expect, it, vi } from 'vitest'
import { platform } from '#platform'
import {
  CacheError,
  ClientCacheError,
  ResourceCacheError,
  Session,
  client,
  defineResource,
  getDefaultSession,
  setupDefaultSession,
  type CacheEvent,
} from '../index.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY'
const SECRET2 = 'aJalrXUtnFEMI/K7MDENG/bPxRfiCYOTHERKEY2'
const TOKEN = 'FwoGZXIvYXdzEXAMPLESESSIONTOKENVALUE'

/** An S3Client that counts how many were built. */
class CountingS3 extends S3Client {
  static built = 0
  constructor(...args: ConstructorParameters<typeof S3Client>) {
    super(...args)
    CountingS3.built++
  }
}

afterEach(() => {
  vi.useRealTimers()
  vi.restoreAllMocks()
})

describe('the seed examples', () => {
  it('client() from the default session returns the cached client', () => {
    const s3 = client(S3Client, { region: 'us-west-2' })
    const again = client(S3Client, { region: 'us-west-2' })
    expect(again).toBe(s3)
    expect(s3).toBeInstanceOf(S3Client)
  })

  it('a Session returns its cached client', () => {
    const session = new Session({ region: 'us-east-1' })
    const s3 = session.client(S3Client)
    expect(session.client(S3Client)).toBe(s3)
    expect(String(session.cache.client.LRU)).toBe(
      "ClientCache:\n- S3Client({ region: 'us-east-1' })",
    )
  })

  it('setupDefaultSession replaces the default session, leaving the old one alone', () => {
    const before = getDefaultSession()
    const old = before.client(S3Client, { region: 'eu-west-1' })
    const destroy = vi.spyOn(old, 'destroy')
    const session = setupDefaultSession({ region: 'us-east-1' })
    expect(getDefaultSession()).toBe(session)
    expect(session).not.toBe(before)
    const s3 = client(S3Client)
    expect(client(S3Client)).toBe(s3)
    expect(s3).not.toBe(old)
    expect(destroy).not.toHaveBeenCalled()
    expect(before.cache.client.LRU.values()).toContain(old)
  })
})

describe('keys: which calls share a client', () => {
  it('session defaults and an equal call config give the same client', () => {
    const session = new Session({ region: 'us-east-1' })
    expect(session.client(S3Client)).toBe(session.client(S3Client, { region: 'us-east-1' }))
  })

  it('ignores property order and undefined values', () => {
    const session = new Session()
    const a = session.client(S3Client, {
      region: 'us-east-1',
      maxAttempts: 3,
      useDualstackEndpoint: true,
    })
    const b = session.client(S3Client, {
      useDualstackEndpoint: true,
      maxAttempts: 3,
      region: 'us-east-1',
      endpoint: undefined,
    })
    expect(b).toBe(a)
  })

  it('an undefined call value leaves the session default in place', () => {
    const session = new Session({ region: 'us-east-1' })
    expect(session.client(S3Client, { region: undefined })).toBe(session.client(S3Client))
  })

  it('different classes, configs, or secrets give different clients', () => {
    const session = new Session()
    const base = { region: 'us-east-1' }
    const s3 = session.client(S3Client, base)
    expect(session.client(CognitoIdentityClient, base)).not.toBe(s3)
    expect(session.client(S3Client, { region: 'us-west-2' })).not.toBe(s3)
    const one = session.client(S3Client, {
      ...base,
      credentials: { accessKeyId: 'AKIA1', secretAccessKey: SECRET },
    })
    const two = session.client(S3Client, {
      ...base,
      credentials: { accessKeyId: 'AKIA1', secretAccessKey: SECRET2 },
    })
    expect(two).not.toBe(one)
    expect(
      session.client(S3Client, {
        ...base,
        credentials: { secretAccessKey: SECRET, accessKeyId: 'AKIA1' },
      }),
    ).toBe(one)
  })

  it('compares a credential provider by identity', () => {
    const provider = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' })
    const other = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' })
    const session = new Session({ region: 'us-east-1' })
    const a = session.client(S3Client, { credentials: provider })
    expect(session.client(S3Client, { credentials: provider })).toBe(a)
    expect(session.client(S3Client, { credentials: other })).not.toBe(a)
  })

  it('merges clientConfig defaults under the session fields and the call', () => {
    const session = new Session({
      region: 'us-east-1',
      clientConfig: { region: 'ignored-1', maxAttempts: 5 },
    })
    const s3 = session.client(S3Client)
    expect(session.client(S3Client, { maxAttempts: 5, region: 'us-east-1' })).toBe(s3)
    expect(session.cache.client.LRU.keys()[0]!.label).toBe(
      "S3Client({ maxAttempts: 5, region: 'us-east-1' })",
    )
  })

  it('labels a minified class by its service id', () => {
    const e = class extends S3Client {}
    Object.defineProperty(e, 'name', { value: 'e' })
    const session = new Session({ region: 'us-east-1' })
    session.client(e)
    expect(session.cache.client.LRU.keys()[0]!.label).toBe("S3Client({ region: 'us-east-1' })")
  })
})

describe('policies and sizes', () => {
  it('keeps LRU and LFU caches apart, and resizes only when maxSize differs', () => {
    const session = new Session({ region: 'us-east-1', defaults: { maxSize: 3 } })
    const lru = session.client(S3Client)
    const lfu = session.client(S3Client, undefined, { evictionPolicy: 'LFU' })
    expect(lfu).not.toBe(lru)
    expect(session.cache.client.LRU.maxSize).toBe(3)
    expect(session.cache.client.LFU.maxSize).toBe(3)
    expect(session.cache.resource.LRU.maxSize).toBe(3)
    session.client(S3Client, undefined, { maxSize: 7 })
    expect(session.cache.client.LRU.maxSize).toBe(7)
    session.client(S3Client)
    expect(session.cache.client.LRU.maxSize).toBe(7)
  })

  it('defaults.evictionPolicy picks the cache a call with no policy uses', () => {
    const session = new Session({ defaults: { evictionPolicy: 'LFU' } })
    session.client(S3Client, { region: 'us-east-1' })
    expect(session.cache.client.LFU.size).toBe(1)
    expect(session.cache.client.LRU.size).toBe(0)
  })

  it('evicts the least recently used client when full, and destroys it', async () => {
    const session = new Session({ defaults: { maxSize: 2 } })
    const a = session.client(S3Client, { region: 'us-east-1' })
    const destroyA = vi.spyOn(a, 'destroy')
    session.client(S3Client, { region: 'us-east-2' })
    session.client(S3Client, { region: 'us-east-1' }) // a is now most recent
    const b = session.cache.client.LRU.values()[0]!
    const destroyB = vi.spyOn(b, 'destroy')
    session.client(S3Client, { region: 'us-west-1' })
    expect(destroyB).toHaveBeenCalledTimes(1)
    expect(destroyA).not.toHaveBeenCalled()
    await session.dispose()
    expect(destroyA).toHaveBeenCalledTimes(1)
  })

  it('shrinking evicts victims with reason resize', () => {
    const session = new Session()
    const events: CacheEvent[] = []
    session.subscribe((event) => events.push(event))
    for (const region of ['us-east-1', 'us-east-2', 'us-west-1'])
      session.client(S3Client, { region })
    const newest = session.client(S3Client, { region: 'us-west-1' }, { maxSize: 1 })
    expect(session.cache.client.LRU.values()).toEqual([newest])
    const evictions = events.filter((event) => event.type === 'evict')
    expect(evictions.map((event) => event.type === 'evict' && event.reason)).toEqual([
      'resize',
      'resize',
    ])
    expect(session.cache.client.LRU.size).toBe(1)
  })
})

describe('bad input: a typed error naming the parameter, and no state change', () => {
  const cases: [string, () => unknown, typeof CacheError, RegExp][] = []
  const session = new Session({ region: 'us-east-1' })
  for (const maxSize of [0, -1, 1.5, NaN, Infinity, '10', 2 ** 60]) {
    cases.push([
      `maxSize ${String(maxSize)}`,
      () => session.client(S3Client, undefined, { maxSize: maxSize as number }),
      ClientCacheError,
      /options\.maxSize must be a positive integer/,
    ])
    cases.push([
      `resource maxSize ${String(maxSize)}`,
      () => session.resource(docs, undefined, { maxSize: maxSize as number }),
      ResourceCacheError,
      /options\.maxSize must be a positive integer/,
    ])
  }
  for (const policy of ['lru', 'MRU', 1]) {
    cases.push([
      `policy ${String(policy)}`,
      () => session.client(S3Client, undefined, { evictionPolicy: policy as 'LRU' }),
      ClientCacheError,
      /Invalid eviction policy.*LRU.*LFU/s,
    ])
    cases.push([
      `resource policy ${String(policy)}`,
      () => session.resource(docs, undefined, { evictionPolicy: policy as 'LRU' }),
      ResourceCacheError,
      /Invalid eviction policy.*LRU.*LFU/s,
    ])
  }
  cases.push([
    'non-constructor',
    () => session.client((() => 1) as never),
    ClientCacheError,
    /ClientClass must be/,
  ])
  cases.push([
    'string class',
    () => session.client('S3Client' as never),
    ClientCacheError,
    /ClientClass must be/,
  ])
  cases.push([
    'string config',
    () => session.client(S3Client, 'us-east-1'),
    ClientCacheError,
    /config must be a plain object/,
  ])
  cases.push([
    'string options',
    () => session.client(S3Client, undefined, 'LRU' as never),
    ClientCacheError,
    /options must be/,
  ])
  cases.push([
    'foreign definition',
    () => session.resource({ name: 'x', client: S3Client, create: () => ({}) }),
    ResourceCacheError,
    /definition must be/,
  ])
  const cyclic: Record<string, unknown> = { region: 'us-east-1', nested: {} }
  ;(cyclic.nested as Record<string, unknown>).self = cyclic
  cases.push([
    'cyclic config',
    () => session.client(S3Client, cyclic),
    ClientCacheError,
    /config\.nested\.self/,
  ])

  it.each(cases)('%s', (_name, call, ErrorClass, message) => {
    session.client(S3Client)
    const before = JSON.stringify(session.snapshot())
    let thrown: unknown
    try {
      call()
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(ErrorClass)
    expect((thrown as Error).message).toMatch(message)
    expect((thrown as CacheError).param).toBeTruthy()
    expect(JSON.stringify(session.snapshot())).toBe(before)
  })

  it.each([
    [{ region: 1 }, 'config.region'],
    [{ credentials: 'AKIA' }, 'config.credentials'],
    [{ defaults: { maxSize: 0 } }, 'config.defaults.maxSize'],
    [{ defaults: { evictionPolicy: 'lru' } }, 'evictionPolicy'],
    [{ disposeEvicted: 'yes' }, 'config.disposeEvicted'],
    [{ maxSize: 3 }, 'config.maxSize'],
    ['us-east-1', 'config'],
  ])('new Session(%j) throws naming %s', (config, param) => {
    const make = () => new Session(config as never)
    expect(make).toThrow(CacheError)
    try {
      make()
    } catch (error) {
      expect((error as CacheError).param).toBe(param)
    }
  })

  it('async and session-info methods reject bad input with typed errors', async () => {
    const session = new Session({ region: 'us-east-1' })
    const before = JSON.stringify(session.snapshot())
    await expect(session.clientAsync(42 as never)).rejects.toMatchObject({
      name: 'ClientCacheError',
      param: 'ClientClassOrLoader',
    })
    await expect(session.clientAsync(S3Client, 'us-east-1')).rejects.toMatchObject({
      name: 'ClientCacheError',
      param: 'config',
    })
    await expect(session.resourceAsync(42 as never)).rejects.toMatchObject({
      name: 'ResourceCacheError',
      param: 'definitionOrLoader',
    })
    await expect(
      session.resourceAsync(async () => ({ nothing: true }) as never),
    ).rejects.toMatchObject({ name: 'ResourceCacheError', param: 'loader' })
    await expect(session.getPartitionForRegion(42 as never)).rejects.toMatchObject({
      name: 'CacheError',
      param: 'region',
    })
    await expect(session.getAvailableRegions('mars')).rejects.toMatchObject({
      code: 'UNKNOWN_PARTITION',
    })
    expect(() => session.subscribe('listener' as never)).toThrow(/listener must be a function/)
    expect(JSON.stringify(session.snapshot())).toBe(before)
  })

  it('setupDefaultSession with a bad config keeps the default session', () => {
    const before = getDefaultSession()
    expect(() => setupDefaultSession({ region: 42 as never })).toThrow(CacheError)
    expect(getDefaultSession()).toBe(before)
  })

  it('profile is Node-only', () => {
    if (platform.supportsProfiles) {
      expect(new Session({ profile: 'dev' }).profileName).toBe('dev')
    } else {
      expect(() => new Session({ profile: 'dev' })).toThrow(/only supported on Node/)
    }
  })
})

const docs = defineResource({
  name: 'DynamoDBDocumentClient',
  client: DynamoDBClient,
  create: (dynamo: DynamoDBClient, options?: { removeUndefinedValues?: boolean }) =>
    DynamoDBDocumentClient.from(dynamo, { marshallOptions: options }),
})

describe('resources', () => {
  it('caches a resource per definition, config and resourceOptions, over its own client', () => {
    const session = new Session({ region: 'us-east-1' })
    const a = session.resource(docs)
    expect(session.resource(docs, { region: 'us-east-1' })).toBe(a)
    expect(a).toBeInstanceOf(DynamoDBDocumentClient)
    const b = session.resource(docs, undefined, {
      resourceOptions: { removeUndefinedValues: true },
    })
    expect(b).not.toBe(a)
    expect(
      session.resource(docs, undefined, { resourceOptions: { removeUndefinedValues: true } }),
    ).toBe(b)
    expect(session.cache.client.LRU.size).toBe(0)
    expect(session.cache.resource.LRU.size).toBe(2)
    expect(session.getAvailableResources()).toEqual(['DynamoDBDocumentClient'])
    expect(session.cache.resource.LRU.keys()[1]!.label).toBe(
      "DynamoDBDocumentClient({ region: 'us-east-1' }, { removeUndefinedValues: true })",
    )
  })

  it('evicting a resource destroys its own client', async () => {
    const session = new Session({ region: 'us-east-1' })
    const destroy = vi.spyOn(DynamoDBClient.prototype, 'destroy')
    session.resource(docs)
    expect(session.cache.resource.LRU.clear()).toBeUndefined()
    await session.dispose()
    expect(destroy).toHaveBeenCalledTimes(1)
  })

  it('resource() with an async create throws, caches nothing and destroys the client', () => {
    const session = new Session({ region: 'us-east-1' })
    const destroy = vi.spyOn(S3Client.prototype, 'destroy')
    const slow = defineResource({ name: 'slow', client: S3Client, create: async (s3) => ({ s3 }) })
    expect(() => session.resource(slow)).toThrow(ResourceCacheError)
    expect(() => session.resource(slow)).toThrow(/resourceAsync/)
    expect(session.cache.resource.LRU.size).toBe(0)
    expect(destroy).toHaveBeenCalledTimes(2)
  })

  it('resourceAsync builds one resource for hundreds of concurrent calls; failures retry', async () => {
    const session = new Session({ region: 'us-east-1' })
    let creates = 0
    let fail = true
    const flaky = defineResource({
      name: 'flaky',
      client: S3Client,
      create: async (s3) => {
        creates++
        await Promise.resolve()
        if (fail) throw new Error('boom')
        return { s3 }
      },
    })
    const failures = await Promise.allSettled(
      Array.from({ length: 300 }, () => session.resourceAsync(flaky)),
    )
    expect(failures.every((result) => result.status === 'rejected')).toBe(true)
    expect(creates).toBe(1)
    expect(session.cache.resource.LRU.size).toBe(0)
    fail = false
    const results = await Promise.all(
      Array.from({ length: 300 }, () => session.resourceAsync(async () => ({ default: flaky }))),
    )
    expect(creates).toBe(2)
    expect(new Set(results).size).toBe(1)
  })

  it('a slow create for one key never delays another key', async () => {
    const session = new Session()
    let release!: () => void
    const gate = new Promise<void>((resolve) => (release = resolve))
    const gated = defineResource({
      name: 'gated',
      client: S3Client,
      create: async (s3, options: { wait: boolean }) => {
        if (options.wait) await gate
        return { s3 }
      },
    })
    const slow = session.resourceAsync(
      gated,
      { region: 'us-east-1' },
      { resourceOptions: { wait: true } },
    )
    const fast = await session.resourceAsync(
      gated,
      { region: 'us-east-1' },
      { resourceOptions: { wait: false } },
    )
    expect(fast).toBeTruthy()
    release()
    expect(await slow).not.toBe(fast)
  })
})

describe('clientAsync', () => {
  it('accepts a class, a { default } module, or a client module namespace', async () => {
    const session = new Session({ region: 'us-east-1' })
    const a = await session.clientAsync(S3Client)
    expect(await session.clientAsync(() => import('@aws-sdk/client-s3'))).toBe(a)
    expect(await session.clientAsync(async () => ({ default: S3Client }))).toBe(a)
  })

  it('rejects a namespace with none or several client classes', async () => {
    const session = new Session({ region: 'us-east-1' })
    await expect(
      session.clientAsync(async () => ({ S3Client, CognitoIdentityClient })),
    ).rejects.toThrow(/several client classes/)
    await expect(session.clientAsync(async () => ({ nothing: 1 }))).rejects.toBeInstanceOf(
      ClientCacheError,
    )
  })

  it('builds exactly one client for 10,000 concurrent calls, and caches nothing on failure', async () => {
    const session = new Session({ region: 'us-east-1' })
    CountingS3.built = 0
    const clients = await Promise.all(
      Array.from({ length: 10_000 }, () =>
        session.clientAsync(async () => ({ default: CountingS3 })),
      ),
    )
    expect(CountingS3.built).toBe(1)
    expect(new Set(clients).size).toBe(1)
    const failed = session.clientAsync(
      async (): Promise<typeof S3Client> => {
        throw new Error('chunk failed to load')
      },
      { region: 'eu-west-1' },
    )
    await expect(failed).rejects.toMatchObject({ code: 'LOADER_FAILED' })
    expect(session.cache.client.LRU.size).toBe(1)
    await expect(
      session.clientAsync(async () => CountingS3, { region: 'eu-west-1' }),
    ).resolves.toBeInstanceOf(CountingS3)
  })

  it('a slow loader for one key never delays a call for another key, nor a sync hit', async () => {
    const session = new Session({ region: 'us-east-1' })
    const cached = session.client(S3Client)
    let release!: () => void
    const slow = session.clientAsync(
      () =>
        new Promise<typeof CognitoIdentityClient>(
          (resolve) => (release = () => resolve(CognitoIdentityClient)),
        ),
    )
    expect(session.client(S3Client)).toBe(cached)
    await expect(session.clientAsync(S3Client, { region: 'eu-west-1' })).resolves.toBeInstanceOf(
      S3Client,
    )
    release()
    await expect(slow).resolves.toBeInstanceOf(CognitoIdentityClient)
  })
})

describe('shared credentials', () => {
  it('resolves once for S3, Cognito Identity and DynamoDB clients', async () => {
    let calls = 0
    const provider = async () => {
      calls++
      await Promise.resolve()
      return {
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
        expiration: new Date(Date.now() + 3600_000),
      }
    }
    const session = new Session({ region: 'us-east-1', credentials: provider })
    const clients = [
      session.client(S3Client),
      session.client(CognitoIdentityClient),
      session.client(DynamoDBClient),
    ]
    const resolved = await Promise.all(
      clients.map((c) => (c.config.credentials as () => Promise<{ secretAccessKey: string }>)()),
    )
    expect(resolved.map((c) => c.secretAccessKey)).toEqual([SECRET, SECRET, SECRET])
    expect(calls).toBe(1)
    expect((await session.getCredentials())?.secretAccessKey).toBe(SECRET)
    expect(calls).toBe(1)
  })

  it('refreshes once, 5 minutes before expiration', async () => {
    vi.useFakeTimers({ now: new Date('2026-11-24T12:00:00Z') })
    let calls = 0
    const events: CacheEvent[] = []
    const session = new Session({
      credentials: async () => {
        calls++
        return {
          accessKeyId: 'AKIA',
          secretAccessKey: SECRET,
          expiration: new Date(Date.now() + 60 * 60_000),
        }
      },
    })
    session.subscribe((event) => events.push(event))
    await session.getCredentials()
    vi.setSystemTime(new Date('2026-11-24T12:54:59Z'))
    await session.getCredentials()
    expect(calls).toBe(1)
    vi.setSystemTime(new Date('2026-11-24T12:55:01Z'))
    await Promise.all([
      session.getCredentials(),
      session.getCredentials(),
      session.getCredentials(),
    ])
    expect(calls).toBe(2)
    expect(
      events
        .filter((event) => event.type === 'credentials')
        .map((event) => event.type === 'credentials' && event.refresh),
    ).toEqual([false, true])
    expect(session.snapshot().credentials).toEqual({
      expiration: '2026-11-24T13:55:01.000Z',
      reason: 'refresh',
    })
    expect(JSON.stringify(events)).not.toContain(SECRET)
  })

  it('setCredentials() reaches clients built before it, in a session that had none', async () => {
    const session = new Session({ region: 'us-east-1' })
    const s3 = session.client(S3Client)
    const hadSource = (await session.getCredentials().catch(() => 'none')) !== undefined
    expect(hadSource).toBe(platform.name === 'node')
    session.setCredentials({ accessKeyId: 'AKIDLATER', secretAccessKey: SECRET })
    const resolve = s3.config.credentials as () => Promise<{ accessKeyId: string }>
    expect((await resolve()).accessKeyId).toBe('AKIDLATER')
    expect(session.client(S3Client)).toBe(s3)
    expect(session.snapshot().credentials).toEqual({ expiration: null, reason: 'switch' })
  })

  it('a rejected resolution is not cached', async () => {
    let calls = 0
    const session = new Session({
      credentials: async () => {
        if (++calls === 1) throw new Error('throttled')
        return { accessKeyId: 'AKIA', secretAccessKey: SECRET }
      },
    })
    await expect(session.getCredentials()).rejects.toThrow('throttled')
    await expect(session.getCredentials()).resolves.toMatchObject({ accessKeyId: 'AKIA' })
  })
})

describe('secrets never show', () => {
  it('in labels, ids, strings, JSON, events, snapshots or errors', () => {
    const session = new Session({
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIAIOSFODNN7EXAMPLE',
        secretAccessKey: SECRET,
        sessionToken: TOKEN,
      },
      clientConfig: { logins: { 'cognito-idp.example': 'idtoken-SECRET-VALUE-123456' } },
    })
    const events: CacheEvent[] = []
    session.subscribe((event) => events.push(event))
    session.client(S3Client)
    session.client(S3Client)
    session.client(S3Client, { password: 'hunter2-password-value' } as never, { maxSize: 1 })
    let error: unknown
    try {
      session.client(
        S3Client,
        { credentials: { accessKeyId: 'x', secretAccessKey: SECRET2 } },
        { maxSize: 0 },
      )
    } catch (thrown) {
      error = thrown
    }
    const surfaces = [
      String(session.cache.client.LRU),
      JSON.stringify(session.cache.client.LRU.keys()),
      session.cache.client.LRU.keys()
        .map((key) => `${key.id} ${key.label} ${String(key)}`)
        .join('\n'),
      JSON.stringify(session.snapshot()),
      JSON.stringify(events),
      String(error),
      JSON.stringify(error),
      (error as Error).stack ?? '',
      JSON.stringify((error as CacheError).value ?? null),
    ].join('\n')
    for (const secret of [
      SECRET,
      SECRET2,
      TOKEN,
      'AKIAIOSFODNN7EXAMPLE',
      'idtoken-SECRET-VALUE-123456',
      'hunter2-password-value',
    ]) {
      expect(surfaces).not.toContain(secret)
    }
    expect(surfaces).toContain('credentials: ***')
  })
})

describe('events, snapshots and disposal', () => {
  it('reports miss, create, hit, evict and dispose with keyId and label', async () => {
    const session = new Session({ region: 'us-east-1', defaults: { maxSize: 1 } })
    const events: CacheEvent[] = []
    const stop = session.subscribe((event) => events.push(event))
    session.client(S3Client)
    session.client(S3Client)
    session.client(S3Client, { region: 'eu-west-1' })
    await session.dispose()
    expect(
      events.map((event) => (event.type === 'evict' ? `evict:${event.reason}` : event.type)),
    ).toEqual([
      'miss',
      'create',
      'hit',
      'miss',
      'evict:capacity',
      'dispose',
      'create',
      'evict:dispose',
      'dispose',
    ])
    for (const event of events) {
      expect(event.at).toBeTypeOf('number')
      expect(event.cacheType).toBe('client')
      expect(event.evictionPolicy).toBe('LRU')
      if ('label' in event) expect(event.label).toMatch(/^S3Client\(/)
    }
    stop()
    stop()
    expect(session.snapshot().stats).toEqual({
      hits: 1,
      misses: 2,
      creates: 2,
      evictions: 2,
      disposals: 2,
    })
  })

  it('snapshots are plain JSON in eviction order', () => {
    const session = new Session({
      region: 'us-east-1',
      credentials: { accessKeyId: 'AKIA', secretAccessKey: SECRET },
    })
    session.client(S3Client)
    session.client(CognitoIdentityClient)
    session.client(S3Client)
    const snapshot = session.snapshot()
    expect(JSON.parse(JSON.stringify(snapshot))).toEqual(snapshot)
    expect(snapshot.regionName).toBe('us-east-1')
    expect(snapshot.profileName).toBeNull()
    expect(snapshot.credentials).toEqual({ expiration: null, reason: null })
    const entries = snapshot.caches.client.LRU.entries
    expect(entries.map((entry) => entry.className)).toEqual(['CognitoIdentityClient', 'S3Client'])
    expect(entries[1]).toMatchObject({
      region: 'us-east-1',
      hits: 1,
      inFlight: 0,
      requests: 0,
      errors: 0,
    })
    expect(session.getAvailableServices()).toEqual(['Cognito Identity', 'S3'])
    expect(new Session().snapshot().credentials).toEqual(
      platform.name === 'node' ? { expiration: null, reason: null } : null,
    )
  })

  it('dispose() destroys each client once, and the session then refuses new work', async () => {
    const session = new Session({ region: 'us-east-1' })
    const s3 = session.client(S3Client)
    const destroy = vi.spyOn(s3, 'destroy')
    await session[Symbol.asyncDispose]()
    await session.dispose()
    expect(destroy).toHaveBeenCalledTimes(1)
    expect(() => session.client(S3Client, { region: 'eu-west-1' })).toThrow(/disposed/)
  })

  it('never destroys a client whose config carried a caller-supplied request handler instance', async () => {
    const handler = { handle: async () => ({ response: {} }), destroy: vi.fn() }
    const session = new Session({ region: 'us-east-1', defaults: { maxSize: 1 } })
    const shared = session.client(S3Client, { requestHandler: handler })
    const destroy = vi.spyOn(shared, 'destroy')
    const withOptions = session.client(S3Client, { requestHandler: { requestTimeout: 1000 } })
    const destroyOptions = vi.spyOn(withOptions, 'destroy')
    await session.dispose()
    expect(destroy).not.toHaveBeenCalled()
    expect(handler.destroy).not.toHaveBeenCalled()
    expect(destroyOptions).toHaveBeenCalledTimes(1)
  })

  it('disposeEvicted: false leaves evicted clients alone', async () => {
    const session = new Session({ region: 'us-east-1', disposeEvicted: false })
    const destroy = vi.spyOn(session.client(S3Client), 'destroy')
    await session.dispose()
    expect(destroy).not.toHaveBeenCalled()
  })
})

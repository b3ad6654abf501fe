/**
 * A runtime-neutral smoke suite of the public API, with no test framework and no dependency but
 * the package itself and `@aws-sdk/client-s3` (a real `S3Client`, constructed only: no request
 * leaves the process).
 *
 * Importing this module only registers the checks; {@link runChecks} runs them and returns the
 * report: one line per failed check (`FAIL <name>: <reason>`) and, as its last line,
 * `N passed, N failed`. `runtimes.ts` bundles it with esbuild three ways:
 *
 * - with `cli.ts`, which prints the report and sets the exit code, for Node, Bun and Deno (the
 *   package's `#platform` resolved to `src/platform/node.ts`). It runs as it is, too:
 *
 *       node --conditions=source --import tsx test/runtimes/cli.ts
 *
 * - as a script for Vercel's `edge-runtime` (`edgeRuntime.ts`), and with `worker.ts` as a
 *   Cloudflare Worker for `workerd` (`workerd.ts`): both with the browser build of the core
 *   (`src/platform/browser.ts`) and of the SDK, as an edge deployment bundles them.
 *
 * Only globals every target has are used: `Promise`, `setTimeout`, `AbortController`, `URL`,
 * `JSON`. Timers are only started by {@link runChecks}, never at import: a Worker may not start
 * them in its global scope.
 *
 * @module
 */
import * as s3Module from '@aws-sdk/client-s3'
import { S3Client } from '@aws-sdk/client-s3'
import {
  CacheError,
  ClientCacheError,
  ClientCacheExistsError,
  ClientCacheKey,
  ClientCacheNotFoundError,
  LFUClientCache,
  LRUClientCache,
  PromiseChainLock,
  ResourceCacheError,
  ResourceCacheExistsError,
  ResourceCacheNotFoundError,
  Session,
  client,
  createClientCache,
  defineResource,
  getDefaultSession,
  setupDefaultSession,
  type CacheEvent,
  type EvictReason,
} from 'aws-client-cache'

// ---------------------------------------------------------------------------------------------
// A minimal harness

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSMOKESECRET1'
const SECRET2 = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSMOKESECRET2'
const ACCESS_KEY = 'AKIASMOKEACCESSKEY01'
const TOKEN = 'FwoGZXIvYXdzSMOKESESSIONTOKEN'
/** Every secret the checks use; none may appear in anything the package renders. */
const SECRETS = [SECRET, SECRET2, ACCESS_KEY, TOKEN]

const checks: { name: string; fn: () => void | Promise<void> }[] = []
function check(name: string, fn: () => void | Promise<void>): void {
  checks.push({ name, fn })
}

class AssertionFailed extends Error {}

function fail(message: string): never {
  throw new AssertionFailed(message)
}

function show(value: unknown): string {
  try {
    return typeof value === 'string' ? JSON.stringify(value) : String(JSON.stringify(value))
  } catch {
    return String(value)
  }
}

function ok(condition: unknown, message: string): asserts condition {
  if (!condition) fail(message)
}

function is(actual: unknown, expected: unknown, what: string): void {
  if (!Object.is(actual, expected)) fail(`${what}: expected ${show(expected)}, got ${show(actual)}`)
}

function equal(actual: unknown, expected: unknown, what: string): void {
  const a = show(actual)
  const e = show(expected)
  if (a !== e) fail(`${what}: expected ${e}, got ${a}`)
}

/** Runs `fn`, which must throw an instance of `Class` whose message matches `pattern`. */
function throws<E extends Error>(
  fn: () => unknown,
  Class: abstract new (...args: never[]) => E,
  pattern?: RegExp,
): E {
  try {
    fn()
  } catch (error) {
    if (!(error instanceof Class)) {
      fail(`expected ${Class.name}, got ${error instanceof Error ? error.name : show(error)}`)
    }
    if (pattern !== undefined && !pattern.test(error.message)) {
      fail(`expected a message matching ${String(pattern)}, got ${show(error.message)}`)
    }
    return error
  }
  return fail(`expected ${Class.name} to be thrown, nothing was`)
}

async function rejects<E extends Error>(
  promise: Promise<unknown>,
  Class: abstract new (...args: never[]) => E,
  pattern?: RegExp,
): Promise<E> {
  try {
    await promise
  } catch (error) {
    if (!(error instanceof Class)) {
      fail(`expected ${Class.name}, got ${error instanceof Error ? error.name : show(error)}`)
    }
    if (pattern !== undefined && !pattern.test(error.message)) {
      fail(`expected a message matching ${String(pattern)}, got ${show(error.message)}`)
    }
    return error
  }
  return fail(`expected a rejection with ${Class.name}, it resolved`)
}

/** Fails if any known secret occurs in `text`. */
function noSecret(text: string, where: string): void {
  for (const secret of SECRETS) ok(!text.includes(secret), `${where} contains a secret`)
}

/** Everything an error shows: name, message, masked value, details, and its stack. */
function errorText(error: unknown): string {
  if (!(error instanceof CacheError)) return String(error)
  return [error.name, error.message, show(error.value), show(error.details), error.stack].join('\n')
}

const tick = () => new Promise<void>((resolve) => setTimeout(resolve, 0))
const sleep = (ms: number) => new Promise<void>((resolve) => setTimeout(resolve, ms))

// ---------------------------------------------------------------------------------------------
// Fake clients: the shape every AWS SDK v3 client has

type Middleware = (
  next: (args: unknown) => Promise<{ output: unknown }>,
  context: { commandName?: string },
) => (args: unknown) => Promise<{ output: unknown }>

/** Counts constructions and destructions; runs `send()` through the middleware it was given. */
class FakeClient {
  static built = 0
  readonly config: Record<string, unknown>
  readonly middleware: Middleware[] = []
  readonly middlewareStack = {
    add: (middleware: Middleware, _options: object): void => {
      this.middleware.push(middleware)
    },
  }
  destroyed = 0

  constructor(config: Record<string, unknown> = {}) {
    FakeClient.built++
    this.config = { ...config, serviceId: 'Fake' }
  }

  /** Resolves when `command.release` resolves (default: at once). */
  send(command: { release?: Promise<void> } = {}): Promise<unknown> {
    const last = async () => {
      await command.release
      return { output: { ok: true } }
    }
    const handler = this.middleware.reduceRight<(args: unknown) => Promise<{ output: unknown }>>(
      (next, middleware) => middleware(next, { commandName: 'FakeCommand' }),
      last,
    )
    return handler(command).then((result) => result.output)
  }

  destroy(): void {
    this.destroyed++
  }
}

class OtherFakeClient extends FakeClient {}

/** A fresh class per check, so construction counts start at zero. */
function countingClass() {
  return class CountingClient extends FakeClient {
    static count = 0
    constructor(config?: Record<string, unknown>) {
      super(config)
      CountingClient.count++
    }
  }
}

const withSecret = (secretAccessKey: string) => ({
  region: 'us-east-1',
  credentials: { accessKeyId: ACCESS_KEY, secretAccessKey, sessionToken: TOKEN },
})

// ---------------------------------------------------------------------------------------------
// Session: hits, misses, keys

check('session.client: a miss builds, the next call hits the same client', () => {
  const Fake = countingClass()
  const session = new Session()
  const a = session.client(Fake, { region: 'us-east-1' })
  const b = session.client(Fake, { region: 'us-east-1' })
  is(b, a, 'second call')
  is(Fake.count, 1, 'constructions')
  ok(a instanceof Fake, 'instance of the class')
  equal(
    session.snapshot().stats,
    { hits: 1, misses: 1, creates: 1, evictions: 0, disposals: 0 },
    'stats',
  )
})

check('keys: session region equals the same region in the call', () => {
  const session = new Session({ region: 'us-east-1' })
  is(session.client(FakeClient), session.client(FakeClient, { region: 'us-east-1' }), 'client')
  is(session.regionName, 'us-east-1', 'regionName')
})

check('keys: property order and undefined values do not matter', () => {
  const session = new Session()
  const a = session.client(FakeClient, {
    region: 'us-east-1',
    maxAttempts: 3,
    nested: { x: 1, y: 2 },
  })
  const b = session.client(FakeClient, {
    nested: { y: 2, x: 1, z: undefined },
    maxAttempts: 3,
    endpoint: undefined,
    region: 'us-east-1',
  })
  is(b, a, 'reordered config')
  is(session.cache.client.LRU.size, 1, 'cache size')
})

check('keys: primitives by value and type, arrays in order, Date by time, URL by href', () => {
  const key = (config: Record<string, unknown>) => new ClientCacheKey(FakeClient, config)
  ok(!key({ a: 1 }).equals(key({ a: '1' })), "1 and '1' must differ")
  ok(!key({ a: [1, 2] }).equals(key({ a: [2, 1] })), 'arrays are ordered')
  ok(key({ d: new Date(5) }).equals(key({ d: new Date(5) })), 'equal dates')
  ok(!key({ d: new Date(5) }).equals(key({ d: new Date(6) })), 'different dates')
  ok(
    key({ u: new URL('https://a.example/x') }).equals(key({ u: new URL('https://a.example/x') })),
    'URL',
  )
  ok(
    !key({ u: new URL('https://a.example/x') }).equals(key({ u: 'https://a.example/x' })),
    'URL vs string',
  )
})

check('keys: functions and class instances by identity; classes by identity', () => {
  const provider = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' })
  const other = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' })
  const session = new Session({ region: 'us-east-1' })
  const a = session.client(FakeClient, { credentials: provider })
  is(session.client(FakeClient, { credentials: provider }), a, 'same provider')
  ok(session.client(FakeClient, { credentials: other }) !== a, 'another provider must not hit')
  ok(session.client(OtherFakeClient, { credentials: provider }) !== a, 'another class must not hit')
})

check('keys: configs differing only in a secret are different clients', () => {
  const session = new Session()
  const one = session.client(FakeClient, withSecret(SECRET))
  const two = session.client(FakeClient, withSecret(SECRET2))
  ok(one !== two, 'different secrets must not share a client')
  const reordered = {
    credentials: { sessionToken: TOKEN, secretAccessKey: SECRET, accessKeyId: ACCESS_KEY },
    region: 'us-east-1',
  }
  is(session.client(FakeClient, reordered), one, 'same secrets, other order')
  const keys = session.cache.client.LRU.keys()
  ok(keys[0]!.id !== keys[1]!.id, 'ids differ')
  is(keys[0]!.label, keys[1]!.label, 'labels (secrets masked) are equal')
})

check('keys: label, id, toString and toJSON are secret-free', () => {
  const key = new ClientCacheKey(FakeClient, { ...withSecret(SECRET), logins: { idp: TOKEN } })
  is(key.label, "FakeClient({ credentials: ***, logins: ***, region: 'us-east-1' })", 'label')
  is(String(key), key.label, 'toString')
  is(JSON.stringify(key), JSON.stringify(key.label), 'toJSON')
  noSecret(key.id, 'id')
  noSecret(key.label, 'label')
  ok(
    key.equals(new ClientCacheKey(FakeClient, { ...withSecret(SECRET), logins: { idp: TOKEN } })),
    'equals',
  )
})

check('keys: a cycle throws a ClientCacheError naming the path, and changes nothing', () => {
  const session = new Session()
  session.client(FakeClient, { region: 'us-east-1' })
  const before = JSON.stringify(session.snapshot())
  const list: unknown[] = []
  const config = { region: 'us-east-1', nested: { list } }
  list.push(config)
  throws(() => session.client(FakeClient, config), ClientCacheError, /config\.nested\.list\[0\]/)
  is(JSON.stringify(session.snapshot()), before, 'snapshot after the failed call')
})

// ---------------------------------------------------------------------------------------------
// Low-level caches: eviction order, resize

const fakeKey = (n: number) => new ClientCacheKey(FakeClient, { n })

check('LRU: evicts the least recently used; get records a use, peek and has do not', () => {
  const evicted: [unknown, EvictReason][] = []
  const cache = new LRUClientCache({
    maxSize: 3,
    onEvict: (value, _key, reason) => evicted.push([value, reason]),
  })
  const values = [0, 1, 2, 3].map(() => new FakeClient())
  values.slice(0, 3).forEach((value, n) => cache.set(fakeKey(n), value))
  cache.get(fakeKey(0)) // 1 is now the least recently used
  cache.peek(fakeKey(1))
  ok(cache.has(fakeKey(1)), 'has')
  equal(
    cache.values().map((v) => values.indexOf(v as FakeClient)),
    [1, 2, 0],
    'eviction order',
  )
  cache.set(fakeKey(3), values[3]!)
  equal(
    cache.values().map((v) => values.indexOf(v as FakeClient)),
    [2, 0, 3],
    'after eviction',
  )
  is(evicted.length, 1, 'evictions')
  is(evicted[0]![0], values[1], 'victim')
  is(evicted[0]![1], 'capacity', 'reason')
  ok(!cache.has(fakeKey(1)), 'victim is gone')
})

check('LFU: evicts the least frequently used, ties by least recent', () => {
  const cache = new LFUClientCache({ maxSize: 3 })
  const [a, b, c, d] = [new FakeClient(), new FakeClient(), new FakeClient(), new FakeClient()]
  cache.set(fakeKey(0), a).set(fakeKey(1), b).set(fakeKey(2), c)
  cache.get(fakeKey(0))
  cache.get(fakeKey(0))
  cache.get(fakeKey(2))
  // frequencies: a 3, b 1, c 2
  equal(
    cache.values().map((v) => [a, b, c].indexOf(v as FakeClient)),
    [1, 2, 0],
    'order',
  )
  cache.set(fakeKey(3), d) // evicts b
  ok(!cache.has(fakeKey(1)), 'b evicted')
  // d (1) is next, then c (2), then a (3)
  is(cache.popItem()[1], d, 'next victim')
  cache.get(fakeKey(2)) // c: 3, a: 3; a is less recently used
  is(cache.popItem()[1], a, 'tie broken by recency')
})

check('createClientCache and copy keep policy, size, order and frequencies', () => {
  const cache = createClientCache('LFU', { maxSize: 4 })
  ok(cache instanceof LFUClientCache, 'LFU class')
  const values = [0, 1, 2].map(() => new FakeClient())
  values.forEach((v, n) => cache.set(fakeKey(n), v))
  cache.get(fakeKey(0))
  const copy = cache.copy()
  ok(copy instanceof LFUClientCache, 'copy class')
  is(copy.maxSize, 4, 'copy maxSize')
  equal(
    copy.values().map((v) => values.indexOf(v as FakeClient)),
    cache.values().map((v) => values.indexOf(v as FakeClient)),
    'copy order',
  )
  is(String(copy).split('\n')[0], 'ClientCache:', 'toString header')
  is(String(copy).split('\n').length, 4, 'toString lines')
})

check('resize: setting maxSize evicts next victims with reason resize', () => {
  const reasons: EvictReason[] = []
  const cache = new LRUClientCache({
    maxSize: 5,
    onEvict: (_v, _k, reason) => reasons.push(reason),
  })
  const values = [0, 1, 2, 3, 4].map(() => new FakeClient())
  values.forEach((v, n) => cache.set(fakeKey(n), v))
  cache.maxSize = 2
  equal(reasons, ['resize', 'resize', 'resize'], 'reasons')
  equal(
    cache.values().map((v) => values.indexOf(v as FakeClient)),
    [3, 4],
    'survivors',
  )
})

check('resize: a session call with another maxSize resizes, one with none never does', () => {
  const session = new Session({ defaults: { maxSize: 3 } })
  for (const region of ['r1', 'r2', 'r3']) session.client(FakeClient, { region })
  is(session.cache.client.LRU.maxSize, 3, 'initial maxSize')
  is(session.cache.resource.LFU.maxSize, 3, 'resource cache default')
  const newest = session.client(FakeClient, { region: 'r3' }, { maxSize: 1 })
  equal(session.cache.client.LRU.values().length, 1, 'size after shrink')
  is(session.cache.client.LRU.values()[0], newest, 'survivor')
  session.client(FakeClient, { region: 'r4' })
  is(session.cache.client.LRU.maxSize, 1, 'maxSize kept')
  const lfu = session.client(FakeClient, { region: 'r1' }, { evictionPolicy: 'LFU' })
  is(session.cache.client.LFU.peek(session.cache.client.LFU.keys()[0]!), lfu, 'LFU cache used')
})

// ---------------------------------------------------------------------------------------------
// Errors

check('errors: classes, names and instanceof', () => {
  const classes = [
    CacheError,
    ClientCacheError,
    ClientCacheExistsError,
    ClientCacheNotFoundError,
    ResourceCacheError,
    ResourceCacheExistsError,
    ResourceCacheNotFoundError,
  ]
  for (const Class of classes) {
    const error = new Class('x')
    is(error.name, Class.name, `${Class.name} name`)
    ok(error instanceof CacheError && error instanceof Error, `${Class.name} is a CacheError`)
  }
  ok(new ClientCacheExistsError('x') instanceof ClientCacheError, 'Exists under ClientCacheError')
  ok(!(new ClientCacheError('x') instanceof ResourceCacheError), 'sides are apart')
})

check('errors: maxSize message says expected and received; no state change', () => {
  const session = new Session()
  session.client(FakeClient, { region: 'us-east-1' })
  const before = JSON.stringify(session.snapshot())
  const error = throws(
    () => session.client(FakeClient, { region: 'us-west-2' }, { maxSize: 0 }),
    ClientCacheError,
    /maxSize must be a positive integer.*, got 0 \(number\)/,
  )
  is(error.code, 'INVALID_ARGUMENT', 'code')
  throws(() => session.client(FakeClient, undefined, { maxSize: 1.5 }), ClientCacheError)
  throws(() => new LRUClientCache({ maxSize: -1 }), CacheError, /maxSize/)
  is(JSON.stringify(session.snapshot()), before, 'snapshot after the failed calls')
})

check('errors: invalid eviction policy (case sensitive) on both sides', () => {
  const session = new Session()
  const definition = defineResource({ name: 'Thing', client: FakeClient, create: () => ({}) })
  for (const policy of ['lru', 'MRU']) {
    const error = throws(
      () => session.client(FakeClient, undefined, { evictionPolicy: policy as 'LRU' }),
      ClientCacheError,
      /Invalid eviction policy/,
    )
    ok(/LRU/.test(error.message) && /LFU/.test(error.message), 'lists LRU and LFU')
    throws(
      () => session.resource(definition, undefined, { evictionPolicy: policy as 'LRU' }),
      ResourceCacheError,
      /Invalid eviction policy/,
    )
  }
  is(session.cache.client.LRU.size + session.cache.resource.LRU.size, 0, 'nothing cached')
})

check('errors: set twice, missing keys, non-client values', () => {
  const cache = new LRUClientCache()
  cache.set(fakeKey(1), new FakeClient())
  throws(() => cache.set(fakeKey(1), new FakeClient()), ClientCacheExistsError)
  throws(() => cache.getOrThrow(fakeKey(2)), ClientCacheNotFoundError)
  throws(() => cache.pop(fakeKey(2)), ClientCacheNotFoundError)
  throws(() => cache.set(fakeKey(3), { send() {} } as never), ClientCacheError)
  is(cache.size, 1, 'size unchanged')
  cache.clear()
  throws(() => cache.popItem(), ClientCacheNotFoundError)
})

check('errors: a value that is not a client class is rejected with the received value', () => {
  const session = new Session()
  throws(() => session.client('S3Client' as never), ClientCacheError, /ClientClass must be/)
  throws(
    () => session.client(FakeClient, 'us-east-1' as never),
    ClientCacheError,
    /got 'us-east-1' \(string\)/,
  )
})

// ---------------------------------------------------------------------------------------------
// Events and snapshots

check('events: miss, create, hit, evict and dispose for a session', async () => {
  const session = new Session({ defaults: { maxSize: 1 } })
  const events: CacheEvent[] = []
  const stop = session.subscribe((event) => events.push(event))
  const a = session.client(FakeClient, { region: 'r1' })
  session.client(FakeClient, { region: 'r1' })
  session.client(FakeClient, { region: 'r2' })
  await tick()
  const types = events.map((event) =>
    event.type === 'evict' ? `evict:${event.reason}` : event.type,
  )
  for (const type of ['miss', 'create', 'hit', 'evict:capacity', 'dispose'])
    ok(types.includes(type), `missing ${type} in ${show(types)}`)
  ok(types.indexOf('miss') < types.indexOf('create'), 'miss before create')
  is(a.destroyed, 1, 'evicted client destroyed')
  const evict = events.find((event) => event.type === 'evict')!
  ok(
    evict.type === 'evict' && evict.cacheType === 'client' && evict.evictionPolicy === 'LRU',
    'evict fields',
  )
  ok(
    evict.type === 'evict' && typeof evict.keyId === 'string' && /FakeClient/.test(evict.label),
    'entry fields',
  )
  ok(typeof evict.at === 'number' && evict.at > 0, 'at')
  stop()
  stop()
  const count = events.length
  session.client(FakeClient, { region: 'r3' })
  is(events.length, count, 'no events after unsubscribe')
})

check('events: request and response go through the middleware the session adds', async () => {
  const session = new Session()
  const events: CacheEvent[] = []
  session.subscribe((event) => events.push(event))
  const fake = session.client(FakeClient, { region: 'us-east-1' })
  is(fake.middleware.length, 1, 'middleware added')
  equal(await fake.send(), { ok: true }, 'send output')
  const response = events.find((event) => event.type === 'response')
  ok(
    events.some((event) => event.type === 'request'),
    'request event',
  )
  ok(
    response?.type === 'response' && response.ok && response.commandName === 'FakeCommand',
    'response event',
  )
})

check('snapshot: plain JSON in eviction order, survives a JSON round trip', () => {
  const session = new Session({ region: 'us-east-1', credentials: withSecret(SECRET).credentials })
  session.client(FakeClient)
  session.client(FakeClient, { region: 'eu-west-1' })
  session.client(FakeClient)
  const snapshot = session.snapshot()
  equal(JSON.parse(JSON.stringify(snapshot)), snapshot, 'round trip')
  is(snapshot.regionName, 'us-east-1', 'regionName')
  is(snapshot.profileName, null, 'profileName')
  const entries = snapshot.caches.client.LRU.entries
  equal(
    entries.map((entry) => entry.region),
    ['eu-west-1', 'us-east-1'],
    'eviction order',
  )
  is(entries[1]!.hits, 1, 'hits of the reused entry')
  is(entries[0]!.className, 'FakeClient', 'className')
  is(snapshot.caches.client.LRU.maxSize, 10, 'default maxSize')
  noSecret(JSON.stringify(snapshot), 'snapshot')
})

// ---------------------------------------------------------------------------------------------
// Resources

check('resources: defineResource/resource cache by definition, config and resourceOptions', () => {
  let created = 0
  const things = defineResource({
    name: 'Things',
    client: FakeClient,
    create: (client: FakeClient, options: { table: string } | undefined) => {
      created++
      return { client, table: options?.table }
    },
  })
  const session = new Session({ region: 'us-east-1' })
  const a = session.resource(things, undefined, { resourceOptions: { table: 't1' } })
  is(
    session.resource(things, { region: 'us-east-1' }, { resourceOptions: { table: 't1' } }),
    a,
    'hit',
  )
  ok(
    session.resource(things, undefined, { resourceOptions: { table: 't2' } }) !== a,
    'other options',
  )
  is(created, 2, 'creates')
  ok(a.client instanceof FakeClient, 'own client')
  is(session.cache.client.LRU.size, 0, 'client cache untouched')
  equal(session.getAvailableResources(), ['Things'], 'available resources')
  throws(
    () => defineResource({ name: '', client: FakeClient, create: () => ({}) }),
    ResourceCacheError,
  )
})

check(
  'resources: an async create throws, points to resourceAsync, and leaves nothing',
  async () => {
    const Fake = countingClass()
    const definition = defineResource({ name: 'Slow', client: Fake, create: async () => ({}) })
    const session = new Session()
    throws(() => session.resource(definition), ResourceCacheError, /resourceAsync/)
    is(session.cache.resource.LRU.size, 0, 'nothing cached')
    const built = session.snapshot().stats.creates
    is(built, 0, 'no creates')
    const resource = await session.resourceAsync(definition)
    is(await session.resourceAsync(async () => ({ default: definition })), resource, 'loader hits')
  },
)

// ---------------------------------------------------------------------------------------------
// Async calls and the lock

check('clientAsync: 500 concurrent calls with one key build exactly one client', async () => {
  const Fake = countingClass()
  const session = new Session()
  const clients = await Promise.all(
    Array.from({ length: 500 }, (_, i) =>
      i % 2 === 0
        ? session.clientAsync(
            async () => {
              await tick()
              return { default: Fake }
            },
            { region: 'us-east-1' },
          )
        : session.clientAsync(Fake, { region: 'us-east-1' }),
    ),
  )
  is(Fake.count, 1, 'constructions')
  ok(
    clients.every((c) => c === clients[0]),
    'one client for all',
  )
})

check('clientAsync: a failed loader caches nothing and the next call retries', async () => {
  const session = new Session()
  const error = await rejects(
    session.clientAsync(() => Promise.reject(new Error('offline'))),
    ClientCacheError,
  )
  is(error.code, 'LOADER_FAILED', 'code')
  is(session.cache.client.LRU.size, 0, 'nothing cached')
  const fake = await session.clientAsync(async () => ({ FakeClient, helper: 1 }))
  ok(fake instanceof FakeClient, 'namespace with one …Client export')
  await rejects(
    session.clientAsync(async () => ({ FakeClient, OtherFakeClient })),
    ClientCacheError,
    /several/,
  )
})

check('PromiseChainLock: FIFO, failures release, aborted waiters never run', async () => {
  const lock = new PromiseChainLock()
  const order: number[] = []
  const controller = new AbortController()
  const runs = [30, 0, 10, 0].map((ms, i) =>
    lock.runExclusive(async () => {
      await sleep(ms)
      order.push(i)
      if (i === 1) throw new Error('boom')
      return i
    }),
  )
  let abortedRan = false
  const aborted = lock.runExclusive(() => (abortedRan = true), { signal: controller.signal })
  is(lock.locked, true, 'locked')
  is(lock.pending, 4, 'pending waiters')
  controller.abort(new Error('stop'))
  const results = await Promise.allSettled([...runs, aborted])
  equal(order, [0, 1, 2, 3], 'order')
  equal(
    results.map((r) => r.status),
    ['fulfilled', 'rejected', 'fulfilled', 'fulfilled', 'rejected'],
    'outcomes',
  )
  ok(!abortedRan, 'aborted waiter ran')
  is(lock.locked, false, 'released')
})

// ---------------------------------------------------------------------------------------------
// Shared credentials, disposal

check('credentials: clients of one session share one memoized provider', async () => {
  let calls = 0
  const provider = async () => {
    calls++
    await tick()
    return { accessKeyId: ACCESS_KEY, secretAccessKey: SECRET }
  }
  const session = new Session({ region: 'us-east-1', credentials: provider })
  const a = session.client(FakeClient)
  const b = session.client(OtherFakeClient)
  const resolve = (c: FakeClient) => (c.config.credentials as typeof provider)()
  const [ca, cb] = await Promise.all([resolve(a), resolve(b), resolve(a)])
  is(calls, 1, 'provider calls')
  is(ca.secretAccessKey, cb.secretAccessKey, 'same credentials')
  is((await session.getCredentials())?.accessKeyId, ACCESS_KEY, 'getCredentials')
  is(calls, 1, 'provider calls after getCredentials')
})

check('dispose: waits for in-flight requests, destroys once, then rejects calls', async () => {
  const session = new Session()
  const busy = session.client(FakeClient, { region: 'r1' })
  const idle = session.client(FakeClient, { region: 'r2' })
  let release!: () => void
  const request = busy.send({ release: new Promise<void>((resolve) => (release = resolve)) })
  await tick()
  is(session.snapshot().caches.client.LRU.entries[0]!.inFlight, 1, 'in flight')
  const disposed = session.dispose()
  await tick()
  is(idle.destroyed, 1, 'idle client destroyed')
  is(busy.destroyed, 0, 'busy client not destroyed while in flight')
  release()
  await request
  await disposed
  is(busy.destroyed, 1, 'busy client destroyed once idle')
  await session.dispose()
  is(busy.destroyed + idle.destroyed, 2, 'destroyed once each')
  const error = throws(() => session.client(FakeClient), ClientCacheError, /disposed/)
  is(error.code, 'SESSION_DISPOSED', 'code')
  is(session.cache.client.LRU.size, 0, 'empty')
})

check('dispose: disposeEvicted false and caller-supplied handlers never destroy', async () => {
  const keep = new Session({ disposeEvicted: false, defaults: { maxSize: 1 } })
  const a = keep.client(FakeClient, { region: 'r1' })
  keep.client(FakeClient, { region: 'r2' })
  const handler = { handle: async () => ({}) }
  const shared = new Session()
  const b = shared.client(FakeClient, { requestHandler: handler })
  const c = shared.client(FakeClient, { requestHandler: { requestTimeout: 1000 } })
  await Promise.all([keep.dispose(), shared[Symbol.asyncDispose]()])
  is(a.destroyed, 0, 'disposeEvicted: false')
  is(b.destroyed, 0, 'handler instance')
  is(c.destroyed, 1, 'handler options')
})

check('default session: client() caches; setupDefaultSession replaces it', () => {
  const fake = client(FakeClient, { region: 'us-east-1' })
  is(client(FakeClient, { region: 'us-east-1' }), fake, 'hit')
  const previous = getDefaultSession()
  const next = setupDefaultSession({ region: 'us-west-2' })
  is(getDefaultSession(), next, 'replaced')
  ok(next !== previous, 'a new session')
  ok(client(FakeClient) !== fake, 'new session builds its own')
  is(previous.cache.client.LRU.size, 1, 'previous session left alone')
})

// ---------------------------------------------------------------------------------------------
// A real S3Client (constructed only)

check('S3Client: cached by effective config, labelled, tracked', async () => {
  const session = new Session({ region: 'us-east-1', credentials: withSecret(SECRET).credentials })
  const s3 = session.client(S3Client)
  ok(s3 instanceof S3Client, 'an S3Client')
  is(session.client(S3Client, { region: 'us-east-1' }), s3, 'hit')
  ok(session.client(S3Client, { region: 'eu-west-1' }) !== s3, 'other region')
  is(
    session.cache.client.LRU.keys()[0]!.label,
    "S3Client({ credentials: ***, region: 'us-east-1' })",
    'label',
  )
  equal(session.getAvailableServices(), ['S3'], 'services')
  ok(
    s3.middlewareStack.identify().some((name) => name.startsWith('awsClientCacheTracker')),
    'tracker middleware',
  )
  is(await s3.config.region(), 'us-east-1', 'config.region')
  const credentials = await s3.config.credentials()
  is(credentials.secretAccessKey, SECRET, 'credentials reach the client')
  let destroyed = 0
  const destroy = s3.destroy.bind(s3)
  s3.destroy = () => {
    destroyed++
    destroy()
  }
  await session.dispose()
  is(destroyed, 1, 'destroyed on dispose')
})

check('S3Client: secrets make keys, and never show', () => {
  const session = new Session()
  const events: CacheEvent[] = []
  session.subscribe((event) => events.push(event))
  const one = session.client(S3Client, withSecret(SECRET))
  const two = session.client(S3Client, withSecret(SECRET2))
  ok(one !== two, 'different secrets')
  is(session.client(S3Client, withSecret(SECRET)), one, 'same secret')
  const error = throws(
    () => session.client(S3Client, { ...withSecret(SECRET), maxAttempts: NaN }, { maxSize: 0 }),
    ClientCacheError,
  )
  const rendered = [
    String(session.cache.client.LRU),
    JSON.stringify(session.cache.client.LRU.keys()),
    session.cache.client.LRU.keys()
      .map((key) => key.id)
      .join('\n'),
    JSON.stringify(session.snapshot()),
    JSON.stringify(events),
    errorText(error),
    errorText(new ClientCacheError('x', { value: withSecret(SECRET) })),
  ]
  noSecret(rendered.join('\n'), 'rendered state')
})

check('clientAsync: a client module namespace resolves to its one client class', async () => {
  const session = new Session({ region: 'us-east-1' })
  const s3 = await session.clientAsync(async () => s3Module)
  ok(s3 instanceof S3Client, 'an S3Client')
  is(session.client(S3Client), s3, 'same cache entry')
})

check('partitions: the lazily imported partition data answers', async () => {
  const session = new Session()
  is(await session.getPartitionForRegion('us-east-1'), 'aws', 'us-east-1')
  is(await session.getPartitionForRegion('cn-north-1'), 'aws-cn', 'cn-north-1')
  ok((await session.getAvailablePartitions()).includes('aws-us-gov'), 'partitions')
  ok((await session.getAvailableRegions()).includes('eu-west-1'), 'regions')
  await rejects(session.getPartitionForRegion('nowhere-1'), CacheError)
})

// ---------------------------------------------------------------------------------------------
// Run (by `cli.ts`, `worker.ts`, or edge-runtime through the script bundle's global)

/** What a run of the checks found. */
export interface SmokeReport {
  /** One `FAIL <name>: <reason>` line per failed check, then `N passed, N failed`. */
  readonly lines: string[]
  /** `0` when every check passed, `1` otherwise: the exit code of a program that ran them. */
  readonly code: 0 | 1
}

/**
 * Runs every check in turn. Nothing runs before this is called, so the module may be imported
 * where timers are not allowed yet (a Worker's global scope).
 */
export async function runChecks(): Promise<SmokeReport> {
  const lines: string[] = []
  let passed = 0
  let failed = 0
  for (const { name, fn } of checks) {
    try {
      await fn()
      passed++
    } catch (error) {
      failed++
      const reason =
        error instanceof AssertionFailed
          ? error.message
          : `threw ${error instanceof Error ? `${error.name}: ${error.message}` : show(error)}`
      lines.push(`FAIL ${name}: ${reason}`)
    }
  }
  lines.push(`${passed} passed, ${failed} failed`)
  return { lines, code: failed === 0 ? 0 : 1 }
}

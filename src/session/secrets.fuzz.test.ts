/**
 * Property test: generated configs carrying random secrets at random depths (static credentials,
 * `logins` maps, secret-named fields in nested objects and arrays). No secret may appear on any
 * surface: key ids and labels, strings, JSON, cache `toString()`, events, snapshots, errors
 * (message, stack, `value`, `details`) or anything written to the console.
 */
import fc from 'fast-check'
import { afterEach, describe, expect, it, vi } from 'vitest'
import type { CacheError } from '../index.js'
import {
  ClientCacheKey,
  ResourceCacheKey,
  Session,
  defineResource,
  type CacheEvent,
} from '../index.js'
import { fuzzRuns } from '../test-support/fuzzRuns.js'
import { SECRET_MARK, secretString as secret } from '../test-support/secretString.js'

class FakeClient {
  readonly config = { serviceId: 'Fake' }
  readonly middlewareStack = { add: () => {} }
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

const bucket = defineResource({
  name: 'Bucket',
  client: FakeClient,
  create: (client) => ({ client }),
})

const SECRET_NAMES = [
  'accessKeyId',
  'secretAccessKey',
  'sessionToken',
  'token',
  'password',
  'secret',
] as const
const PLAIN_NAMES = ['region', 'endpoint', 'nested', 'list', 'options', 'maxAttempts'] as const

/** A config tree with secrets; each generated value also reports the secrets it holds. */
const tree: fc.Memo<Record<string, unknown>> = fc.memo((depth) =>
  fc.dictionary(
    fc.constantFrom(...SECRET_NAMES, ...PLAIN_NAMES, 'logins', 'credentials'),
    fc.oneof(
      { depthSize: 'small' },
      secret,
      fc.constantFrom('us-east-1', 'eu-west-1', 3, true, null),
      depth > 1 ? tree(depth - 1) : fc.constant({}),
      depth > 1 ? fc.array(tree(depth - 1), { maxLength: 2 }) : fc.constant([]),
      fc.dictionary(
        fc.constantFrom('cognito-idp.example', 'accounts.google.com', 'graph.facebook.com'),
        secret,
        { maxKeys: 2 },
      ),
    ),
    { maxKeys: 5 },
  ),
)

/** Every secret in a config: values under secret names, and every value inside `logins` or `credentials`. */
function secretsOf(value: unknown, inside = false, out: string[] = []): string[] {
  if (typeof value === 'string') {
    // Marked values only: a plain value like 'eu-west-1' may also stand, unmasked, elsewhere.
    if (value.startsWith(SECRET_MARK)) out.push(value)
  } else if (Array.isArray(value)) {
    for (const item of value) secretsOf(item, inside, out)
  } else if (value !== null && typeof value === 'object') {
    for (const [name, item] of Object.entries(value)) {
      secretsOf(
        item,
        inside ||
          (SECRET_NAMES as readonly string[]).includes(name) ||
          name === 'logins' ||
          name === 'credentials',
        out,
      )
    }
  }
  return out
}

/** Only secrets placed where the contract says secrets are: the generator also puts marked strings under plain names. */
function placeSecretsOnlyWhereAllowed(config: Record<string, unknown>): Record<string, unknown> {
  const clean = (value: unknown, inside: boolean): unknown => {
    if (typeof value === 'string')
      return value.startsWith(SECRET_MARK) && !inside ? 'plain-value' : value
    if (Array.isArray(value)) return value.map((item) => clean(item, inside))
    if (value !== null && typeof value === 'object') {
      return Object.fromEntries(
        Object.entries(value).map(([name, item]) => [
          name,
          clean(
            item,
            inside ||
              (SECRET_NAMES as readonly string[]).includes(name) ||
              name === 'logins' ||
              name === 'credentials',
          ),
        ]),
      )
    }
    return value
  }
  return clean(config, false) as Record<string, unknown>
}

afterEach(() => {
  vi.restoreAllMocks()
})

describe('secrets never reach a surface', () => {
  it('over generated configs, secrets and session credentials', () => {
    const written: string[] = []
    for (const method of ['log', 'info', 'warn', 'error', 'debug'] as const) {
      vi.spyOn(console, method).mockImplementation((...args: unknown[]) => {
        written.push(
          args
            .map((arg) =>
              arg instanceof Error
                ? `${arg.message} ${arg.stack}`
                : typeof arg === 'string'
                  ? arg
                  : (JSON.stringify(arg) ?? String(arg)),
            )
            .join(' '),
        )
      })
    }
    // Where the runtime has reportError (browsers), thrown listener errors go there.
    vi.stubGlobal('reportError', (error: unknown) => {
      written.push(error instanceof Error ? `${error.message} ${error.stack}` : String(error))
    })
    fc.assert(
      fc.property(tree(3), fc.option(fc.tuple(secret, secret)), (generated, sessionSecrets) => {
        const config = placeSecretsOnlyWhereAllowed(generated)
        const secrets = secretsOf(config)
        const session = new Session({
          defaults: { maxSize: 2 },
          ...(sessionSecrets
            ? {
                credentials: { accessKeyId: sessionSecrets[0], secretAccessKey: sessionSecrets[1] },
              }
            : {}),
        })
        if (sessionSecrets) secrets.push(...sessionSecrets)
        const events: CacheEvent[] = []
        session.subscribe((event) => events.push(event))
        session.subscribe(() => {
          throw new Error('a listener bug') // its report must be secret-free too
        })
        const errors: unknown[] = []
        const attempt = (fn: () => unknown): void => {
          try {
            fn()
          } catch (error) {
            errors.push(error)
          }
        }
        attempt(() => session.client(FakeClient, config))
        attempt(() => session.client(FakeClient, config))
        // Miss causes: `differs` from the entry above, an unstable logger (a warning on the
        // fourth call), then `evicted` for the first config (maxSize 2).
        attempt(() => session.client(FakeClient, { ...config, region: 'sa-east-1' }))
        for (let i = 0; i < 4; i++) {
          attempt(() => session.client(FakeClient, { ...config, logger: { debug() {} } }))
        }
        attempt(() => session.client(FakeClient, config))
        attempt(() => session.client(FakeClient, config, { maxSize: 0 }))
        attempt(() => session.client(FakeClient, config, { evictionPolicy: 'lru' as never }))
        attempt(() => session.resource(bucket, config, { resourceOptions: config }))
        attempt(() => new Session({ ...config }))
        attempt(
          () =>
            new ClientCacheKey(FakeClient, {
              ...config,
              self: undefined,
              cycle: [config, { back: config }],
            }),
        )
        const cyclic: Record<string, unknown> = { ...config }
        cyclic.loop = cyclic
        attempt(() => session.client(FakeClient, cyclic))
        attempt(() =>
          session.cache.client.LRU.set(new ClientCacheKey(FakeClient, config), config as never),
        )
        const keys = [
          new ClientCacheKey(FakeClient, config),
          new ResourceCacheKey(bucket, config, config),
        ]
        const surfaces = [
          ...keys.flatMap((key) => [key.id, key.label, String(key), JSON.stringify(key)]),
          String(session.cache.client.LRU),
          String(session.cache.resource.LRU),
          JSON.stringify(session.cache.client.LRU.keys()),
          JSON.stringify(session.snapshot()),
          JSON.stringify(events),
          ...errors.flatMap((error) => [
            String(error),
            (error as Error).stack ?? '',
            JSON.stringify((error as CacheError).value ?? null),
            JSON.stringify((error as CacheError).details ?? null),
          ]),
          ...written,
        ].join('\n')
        for (const value of secrets) expect(surfaces).not.toContain(value)
        // The diagnostics ran: causes of every kind and the warning are among the surfaces.
        if (errors.length === 0 || events.some((event) => event.type === 'create')) {
          const kinds = new Set(
            events.flatMap((event) => (event.type === 'miss' ? [event.cause?.kind] : [])),
          )
          expect([...kinds].sort()).toEqual(['differs', 'evicted', 'new'])
          expect(events.some((event) => event.type === 'warning')).toBe(true)
        }
        void session.dispose()
      }),
      { numRuns: fuzzRuns() },
    )
  })
})

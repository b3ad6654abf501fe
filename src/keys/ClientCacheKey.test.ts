import { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import {
  ClientCacheError,
  ClientCacheKey,
  ResourceCacheError,
  ResourceCacheKey,
  defineResource,
} from '../index.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYSECRETKEY'

class FakeClient {
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}
class OtherClient extends FakeClient {}

const key = (config?: Record<string, unknown>) => new ClientCacheKey(FakeClient, config)

describe('ClientCacheKey canonical form', () => {
  it('ignores property order, at any depth', () => {
    expect(key({ a: 1, b: { c: 1, d: 2 } }).equals(key({ b: { d: 2, c: 1 }, a: 1 }))).toBe(true)
    expect(key({ a: 1, b: 2 }).id).toBe(key({ b: 2, a: 1 }).id)
  })

  it('treats undefined values as absent, and no config as {}', () => {
    expect(key({ a: 1, b: undefined }).equals(key({ a: 1 }))).toBe(true)
    expect(key().equals(key({}))).toBe(true)
    expect(key({ nested: { x: undefined } }).equals(key({ nested: {} }))).toBe(true)
  })

  it('compares primitives by value and type', () => {
    expect(key({ a: 1 }).equals(key({ a: '1' }))).toBe(false)
    expect(key({ a: true }).equals(key({ a: 'true' }))).toBe(false)
    expect(key({ a: null }).equals(key({ a: 'null' }))).toBe(false)
    expect(key({ a: 10n }).equals(key({ a: 10 }))).toBe(false)
    expect(key({ a: NaN }).equals(key({ a: NaN }))).toBe(true)
  })

  it('is unambiguous where naive string joins collide', () => {
    expect(key({ a: 'x', b: 'y' }).equals(key({ a: 'x",b:"y' }))).toBe(false)
    expect(key({ a: ['1', '2'] }).equals(key({ a: ['1,2'] }))).toBe(false)
    expect(key({ a: { b: 1 } }).equals(key({ 'a.b': 1 }))).toBe(false)
  })

  it('keeps arrays in order', () => {
    expect(key({ a: [1, 2] }).equals(key({ a: [2, 1] }))).toBe(false)
    expect(key({ a: [1, [2, { b: 3 }]] }).equals(key({ a: [1, [2, { b: 3 }]] }))).toBe(true)
  })

  it('compares Dates by time and URLs by href', () => {
    expect(key({ d: new Date(5) }).equals(key({ d: new Date(5) }))).toBe(true)
    expect(key({ d: new Date(5) }).equals(key({ d: new Date(6) }))).toBe(false)
    expect(
      key({ u: new URL('https://example.com/a') }).equals(
        key({ u: new URL('https://example.com/a') }),
      ),
    ).toBe(true)
    expect(
      key({ u: new URL('https://example.com/a') }).equals(key({ u: 'https://example.com/a' })),
    ).toBe(false)
  })

  it('compares functions and non-plain objects by identity', () => {
    const provider = async () => ({ accessKeyId: 'a', secretAccessKey: 'b' })
    const handler = new (class NodeHttpHandler {})()
    expect(
      key({ credentials: provider, requestHandler: handler }).equals(
        key({ requestHandler: handler, credentials: provider }),
      ),
    ).toBe(true)
    expect(
      key({ credentials: provider }).equals(
        key({ credentials: async () => ({ accessKeyId: 'a', secretAccessKey: 'b' }) }),
      ),
    ).toBe(false)
    expect(
      key({ requestHandler: handler }).equals(
        key({ requestHandler: new (class NodeHttpHandler {})() }),
      ),
    ).toBe(false)
    expect(key({ requestHandler: handler }).label).toBe(
      'FakeClient({ requestHandler: [NodeHttpHandler] })',
    )
  })

  it('compares the class by identity', () => {
    expect(new ClientCacheKey(FakeClient, {}).equals(new ClientCacheKey(OtherClient, {}))).toBe(
      false,
    )
    expect(key().equals('FakeClient({})')).toBe(false)
  })

  it('throws a ClientCacheError naming the path of a cycle', () => {
    const config: Record<string, unknown> = { a: { b: [] } }
    ;((config.a as Record<string, unknown>).b as unknown[]).push(config)
    expect(() => key(config)).toThrow(ClientCacheError)
    expect(() => key(config)).toThrow(/config\.a\.b\[0\]/)
    const shared = { x: 1 }
    expect(() => key({ a: shared, b: shared, c: [shared, shared] })).not.toThrow()
  })

  it('rejects a non-constructor class and a non-object config', () => {
    expect(() => new ClientCacheKey((() => {}) as never)).toThrow(
      /ClientClass must be an AWS SDK client class/,
    )
    expect(() => new ClientCacheKey(FakeClient, 'us-east-1' as never)).toThrow(
      /config must be a plain object or undefined, got 'us-east-1' \(string\)/,
    )
    expect(() => new ClientCacheKey(FakeClient, [] as never)).toThrow(ClientCacheError)
  })
})

describe('ClientCacheKey secrets', () => {
  const withSecret = (secret: string) =>
    new ClientCacheKey(S3Client, {
      region: 'us-east-1',
      credentials: {
        accessKeyId: 'AKIAEXAMPLE',
        secretAccessKey: secret,
        sessionToken: `token-${secret}`,
      },
    })

  it('keys differing only in a secret are different, with different ids, and show no secret', () => {
    const a = withSecret(SECRET)
    const b = withSecret(`${SECRET}X`)
    expect(a.equals(b)).toBe(false)
    expect(a.id).not.toBe(b.id)
    expect(a.equals(withSecret(SECRET))).toBe(true)
    expect(a.id).toBe(withSecret(SECRET).id)
    for (const shown of [
      a.id,
      a.label,
      String(a),
      JSON.stringify(a),
      JSON.stringify({ a }),
      b.id,
    ]) {
      expect(shown).not.toContain(SECRET)
      expect(shown).not.toContain('AKIAEXAMPLE')
    }
    expect(a.label).toBe("S3Client({ credentials: ***, region: 'us-east-1' })")
    expect(JSON.stringify(a)).toBe(JSON.stringify(a.label))
  })

  it('masks every secret name at any depth, and every value inside logins', () => {
    const config = {
      deep: {
        token: 'tok-123456789',
        list: [{ password: 'pw-123456789' }],
        secret: 'sec-123456789',
      },
      logins: {
        'accounts.google.com': 'google-id-token-123456789',
        nested: { x: 'nested-login-123456789' },
      },
    }
    const k = new ClientCacheKey(S3Client, config)
    for (const shown of [k.id, k.label]) {
      for (const secret of [
        'tok-123456789',
        'pw-123456789',
        'sec-123456789',
        'google-id-token-123456789',
        'nested-login-123456789',
      ]) {
        expect(shown).not.toContain(secret)
      }
    }
    expect(k.label).toBe(
      'S3Client({ deep: { list: [{ password: *** }], secret: ***, token: *** }, logins: *** })',
    )
    const changed = {
      ...config,
      logins: { ...config.logins, 'accounts.google.com': 'another-token' },
    }
    const other = new ClientCacheKey(S3Client, changed)
    expect(other.equals(k)).toBe(false)
    expect(other.id).not.toBe(k.id)
  })

  it('masks credentials in URLs', () => {
    const k = new ClientCacheKey(FakeClient, {
      endpoint: new URL('https://user:pa55word@example.com/'),
    })
    expect(k.label).not.toContain('pa55word')
    expect(k.id).not.toContain('pa55word')
  })

  it('a cycle error shows no secret', () => {
    const config: Record<string, unknown> = {
      credentials: { accessKeyId: 'AKIAEXAMPLE', secretAccessKey: SECRET },
    }
    config.self = config
    try {
      new ClientCacheKey(S3Client, config)
      expect.unreachable()
    } catch (error) {
      expect(
        String(error) + JSON.stringify(error) + JSON.stringify((error as ClientCacheError).details),
      ).not.toContain(SECRET)
    }
  })
})

describe('ResourceCacheKey', () => {
  const definition = defineResource({
    name: 'Bucket',
    client: S3Client,
    create: (s3, options: { bucket: string }) => ({ s3, ...options }),
  })

  it('keys by definition identity, config and resourceOptions', () => {
    const a = new ResourceCacheKey(definition, { region: 'us-east-1' }, { bucket: 'a' })
    expect(
      a.equals(new ResourceCacheKey(definition, { region: 'us-east-1' }, { bucket: 'a' })),
    ).toBe(true)
    expect(
      a.equals(new ResourceCacheKey(definition, { region: 'us-east-1' }, { bucket: 'b' })),
    ).toBe(false)
    const twin = defineResource({ name: 'Bucket', client: S3Client, create: definition.create })
    expect(a.equals(new ResourceCacheKey(twin, { region: 'us-east-1' }, { bucket: 'a' }))).toBe(
      false,
    )
    expect(a.label).toBe("Bucket({ region: 'us-east-1' }, { bucket: 'a' })")
    expect(a.equals(new ClientCacheKey(S3Client, { region: 'us-east-1' }))).toBe(false)
  })

  it('rejects what defineResource did not make', () => {
    expect(
      () => new ResourceCacheKey({ name: 'x', client: S3Client, create: () => ({}) } as never),
    ).toThrow(ResourceCacheError)
    expect(() => defineResource({ name: '', client: S3Client, create: () => ({}) })).toThrow(
      /definition\.name must be a non-empty string/,
    )
    expect(() =>
      defineResource({ name: 'x', client: 'S3Client' as never, create: () => ({}) }),
    ).toThrow(/definition\.client/)
  })
})

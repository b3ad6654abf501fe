import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BaseConfig } from './BaseConfig.js'
import { IdentityMemo, MAX_MEMO_NODES } from './IdentityMemo.js'
import { S3Client } from '@aws-sdk/client-s3'
import { Session } from './Session.js'

const handler = { handle: () => undefined }
const provider = () => undefined
const value = fc.oneof(
  fc.constantFrom('us-east-1', 'eu-west-1', '1', '', undefined, null, true, false, 0, 1, -0, NaN),
  fc.integer({ min: -3, max: 3 }),
  fc.constantFrom(
    handler,
    provider,
    { nested: 1 },
    [1, 2],
    new Date(5),
    new URL('https://example.com/'),
  ),
)
const config = fc.dictionary(
  fc.constantFrom(
    'region',
    'maxAttempts',
    'endpoint',
    'requestHandler',
    'password',
    'logins',
    'x',
    'y',
  ),
  value,
  { maxKeys: 5 },
)

describe('IdentityMemo', () => {
  it('always returns what the exact encoding returns, across any sequence of lookups', () => {
    fc.assert(
      fc.property(
        fc.array(fc.tuple(fc.constantFrom('A', 'B'), config), { minLength: 1, maxLength: 60 }),
        fc.constantFrom(
          {},
          { region: 'us-east-1' },
          { region: 'us-east-1', credentials: { accessKeyId: 'a', secretAccessKey: 'b' } },
        ),
        (calls, defaults) => {
          const memo = new IdentityMemo()
          const base = new BaseConfig({ ...defaults })
          const owners = { A: {}, B: {} }
          for (const [owner, call] of calls) {
            const exact = `${owner}|${base.encode(call, '')}`
            expect(
              memo.lookup(owners[owner], call, () => `${owner}|${base.encode(call, '')}`),
            ).toBe(exact)
          }
        },
      ),
    )
  })

  it('returns the same string object on a repeat, and starts over past its bound', () => {
    const memo = new IdentityMemo()
    const owner = {}
    const first = memo.lookup(owner, { region: 'us-east-1' }, () => ['{', 'region', '}'].join(''))
    expect(memo.lookup(owner, { region: 'us-east-1' }, () => 'recomputed')).toBe(first)
    for (let i = 0; i < MAX_MEMO_NODES; i++)
      memo.lookup(owner, { region: `r-${i}` }, () => `r-${i}`)
    expect(memo.size).toBeLessThanOrEqual(MAX_MEMO_NODES)
    expect(memo.lookup(owner, { region: 'us-east-1' }, () => 'recomputed')).toBe('recomputed')
  })

  it('stays within its bound when paths end in values it will not remember', () => {
    const memo = new IdentityMemo()
    const owner = {}
    let largest = 0
    for (let i = 0; i < 3 * MAX_MEMO_NODES; i++) {
      // A new endpoint each time, then a plain object: the walk makes a node and gives up.
      const config = {
        endpoint: `https://h${i}`,
        credentials: { accessKeyId: 'a', secretAccessKey: 's' },
      }
      expect(memo.lookup(owner, config, () => `exact-${i}`)).toBe(`exact-${i}`)
      largest = Math.max(largest, memo.size)
    }
    expect(largest).toBe(MAX_MEMO_NODES)
  })

  it('never remembers a secret-named property', () => {
    const memo = new IdentityMemo()
    const owner = {}
    let computed = 0
    for (let i = 0; i < 3; i++)
      memo.lookup(owner, { password: 'hunter2' }, () => String(++computed))
    expect(computed).toBe(3)
  })

  it('never remembers nested plain objects: a change made in place between calls counts', () => {
    // A memo that remembered `retry` or `credentials` by reference would hand back the identity
    // of the old values, and would hold secret-bearing objects.
    const memo = new IdentityMemo()
    const base = new BaseConfig({})
    const owner = {}
    const retry = { attempts: 1 }
    const credentials = { accessKeyId: 'AKIDINPLACE', secretAccessKey: 'first-secret' }
    const cfg = { region: 'us-east-1', retry, credentials }
    const exact = () => base.encode(cfg, '')
    const identities = new Set<string>()
    const check = () => {
      const identity = memo.lookup(owner, cfg, exact)
      expect(identity).toBe(exact())
      identities.add(identity)
    }
    check()
    check()
    retry.attempts = 2
    check()
    credentials.secretAccessKey = 'second-secret'
    check()
    expect(identities.size).toBe(3)
  })

  it('through a session: in-place changes of nested config build a new client', () => {
    const session = new Session({ region: 'us-east-1' })
    const cfg = { retry: { attempts: 1 }, credentials: { accessKeyId: 'A', secretAccessKey: 'x' } }
    const first = session.client(S3Client, cfg)
    expect(session.client(S3Client, cfg as never)).toBe(first)
    cfg.retry.attempts = 2
    const second = session.client(S3Client, cfg)
    expect(second).not.toBe(first)
    cfg.credentials.secretAccessKey = 'y'
    expect(session.client(S3Client, cfg as never)).not.toBe(second)
  })
})

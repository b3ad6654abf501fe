import fc from 'fast-check'
import { describe, expect, it } from 'vitest'
import { BaseConfig } from './BaseConfig.js'
import { IdentityMemo } from './IdentityMemo.js'

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
    for (let i = 0; i < 1100; i++) memo.lookup(owner, { region: `r-${i}` }, () => `r-${i}`)
    expect(memo.lookup(owner, { region: 'us-east-1' }, () => 'recomputed')).toBe('recomputed')
  })

  it('never remembers a secret-named property', () => {
    const memo = new IdentityMemo()
    const owner = {}
    let computed = 0
    for (let i = 0; i < 3; i++)
      memo.lookup(owner, { password: 'hunter2' }, () => String(++computed))
    expect(computed).toBe(3)
  })
})

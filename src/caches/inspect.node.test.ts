/**
 * Node only (`node:util`): `console.log(cache)` prints the secret-free `toString()` form, never
 * the clients' internals (credentials providers, handlers, config objects).
 */
import { inspect } from 'node:util'
import { describe, expect, it } from 'vitest'
import { cacheCases } from './test-support/cacheFixtures.js'

describe.each(cacheCases)('$name under util.inspect', (c) => {
  it('prints toString(), at any depth, with no secret', () => {
    const cache = new c.Class()
    cache.set(c.key(1, { secretAccessKey: 'wJalrXUtnFEMI/K7MDENG' }), c.value(1))
    cache.set(c.key(2), c.value(2))
    expect(inspect(cache)).toBe(cache.toString())
    expect(inspect({ nested: { cache } }, { depth: 5 })).toContain(c.header)
    expect(inspect(cache, { showHidden: true, depth: Infinity })).not.toContain('wJalrXUtnFEMI')
    expect(inspect(cache)).not.toContain('FakeClient {')
  })
})

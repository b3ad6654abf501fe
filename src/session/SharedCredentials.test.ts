import { describe, expect, it } from 'vitest'
import { CacheError } from '../errors.js'
import { deferred, flush } from '../test-support/deferred.js'
import type { AwsCredentialIdentity } from '../types.js'
import { SharedCredentials, type CredentialsReason } from './SharedCredentials.js'

const SECRET = 'wJalrXUtnFEMI/K7MDENG/bPxRfiCYEXAMPLEKEY'

const key = (id: string): AwsCredentialIdentity => ({
  accessKeyId: id,
  secretAccessKey: `${SECRET}-${id}`,
})

/** A SharedCredentials over `source` that records each resolution's reason. */
function shared(
  source?: Parameters<SharedCredentials['switch']>[0],
  fallback?: () => Promise<AwsCredentialIdentity>,
) {
  const reasons: CredentialsReason[] = []
  const credentials = new SharedCredentials(source, fallback, (_credentials, reason) =>
    reasons.push(reason),
  )
  return { credentials, reasons }
}

describe('SharedCredentials', () => {
  it('is marked memoized, so SDK clients ask it on every request', () => {
    expect(shared(key('A')).credentials.provider.memoized).toBe(true)
  })

  it('switch(): the next request resolves the new source once, reporting switch', async () => {
    let calls = 0
    const { credentials, reasons } = shared(key('A'))
    expect((await credentials.provider()).accessKeyId).toBe('A')
    credentials.switch(async () => {
      calls++
      await Promise.resolve()
      return key('B')
    })
    expect(credentials.current).toBeUndefined()
    const resolved = await Promise.all(Array.from({ length: 50 }, () => credentials.provider()))
    expect(new Set(resolved.map((c) => c.accessKeyId))).toEqual(new Set(['B']))
    expect(calls).toBe(1)
    expect(reasons).toEqual(['initial', 'switch'])
    expect(credentials.lastReason).toBe('switch')
  })

  it('switch() during a pending resolution: later requests never get the old identity', async () => {
    const old = deferred<AwsCredentialIdentity>()
    const { credentials, reasons } = shared(() => old.promise)
    const before = credentials.provider()
    credentials.switch(key('B'))
    const after = credentials.provider()
    old.resolve(key('A'))
    // The request that started before the switch finishes as it started…
    expect((await before).accessKeyId).toBe('A')
    // …and nobody after it sees A, nor is A kept.
    expect((await after).accessKeyId).toBe('B')
    expect((await credentials.provider()).accessKeyId).toBe('B')
    expect(credentials.current?.accessKeyId).toBe('B')
    expect(reasons).toEqual(['switch'])
  })

  it('switch(undefined) goes back to the default source; with none, requests reject', async () => {
    const withDefault = shared(key('A'), async () => key('DEFAULT'))
    withDefault.credentials.switch(undefined)
    expect((await withDefault.credentials.provider()).accessKeyId).toBe('DEFAULT')

    const without = shared(key('A'))
    without.credentials.switch(undefined)
    expect(without.credentials.hasSource).toBe(false)
    await expect(without.credentials.provider()).rejects.toMatchObject({
      name: 'CacheError',
      code: 'NO_CREDENTIALS',
    })
    without.credentials.switch(key('C'))
    expect((await without.credentials.provider()).accessKeyId).toBe('C')
  })

  it('invalidate(): one new resolution for all concurrent requests, reporting invalidate', async () => {
    let calls = 0
    const { credentials, reasons } = shared(async () => key(`K${++calls}`))
    await credentials.provider()
    credentials.invalidate()
    const resolved = await Promise.all(Array.from({ length: 100 }, () => credentials.provider()))
    expect(new Set(resolved.map((c) => c.accessKeyId))).toEqual(new Set(['K2']))
    expect(calls).toBe(2)
    expect(reasons).toEqual(['initial', 'invalidate'])
  })

  it('invalidateAfterAuthError(): 100 failures with one key invalidate once', async () => {
    let calls = 0
    const { credentials, reasons } = shared(async () => key(`K${++calls}`))
    const used = await credentials.provider()
    const invalidated = Array.from({ length: 100 }, () =>
      credentials.invalidateAfterAuthError(used),
    ).filter(Boolean)
    expect(invalidated).toHaveLength(1)
    await Promise.all(Array.from({ length: 100 }, () => credentials.provider()))
    expect(calls).toBe(2)
    expect(reasons).toEqual(['initial', 'auth-error'])
  })

  it('invalidateAfterAuthError() leaves newer credentials alone (a refresh got there first)', async () => {
    let calls = 0
    const { credentials } = shared(async () => key(`K${++calls}`))
    const used = await credentials.provider()
    credentials.invalidate()
    await credentials.provider()
    expect(credentials.invalidateAfterAuthError(used)).toBe(false)
    expect(credentials.current?.accessKeyId).toBe('K2')
  })

  it('rejects a resolution that is not credentials, naming the problem and no value', async () => {
    const { credentials, reasons } = shared(key('A'))
    await credentials.provider()
    credentials.switch(async () => ({ accessKeyId: 42, secretAccessKey: SECRET }) as never)
    const error = await credentials.provider().catch((thrown: unknown) => thrown)
    expect(error).toBeInstanceOf(CacheError)
    expect(error).toMatchObject({ code: 'INVALID_CREDENTIALS', param: 'credentials' })
    expect((error as Error).message).toContain('accessKeyId, secretAccessKey')
    expect(String(error)).not.toContain(SECRET)
    expect(credentials.current).toBeUndefined()
    expect(reasons).toEqual(['initial'])
  })

  it('a failed resolution is not kept: the next request tries again', async () => {
    let calls = 0
    const { credentials } = shared(async () => {
      if (++calls === 1) throw new Error('throttled')
      return key('A')
    })
    await expect(credentials.provider()).rejects.toThrow('throttled')
    await flush()
    expect((await credentials.provider()).accessKeyId).toBe('A')
  })
})

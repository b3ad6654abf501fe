import { describe, expect, it } from 'vitest'
import { systemClock } from '../session/SessionClock.js'
import { platform } from './browser.js'

describe('browser platform', () => {
  it('identifies itself and does not support profiles', () => {
    expect(platform.name).toBe('browser')
    expect(platform.supportsProfiles).toBe(false)
  })

  it('lists no profiles, as a fresh array each time', async () => {
    const first = await platform.listProfiles()
    expect(first).toEqual([])
    first.push('mutated')
    expect(await platform.listProfiles()).toEqual([])
  })

  it('offers no default credential provider, with or without a profile', () => {
    expect(platform.defaultCredentialProvider(undefined)).toBeUndefined()
    expect(platform.defaultCredentialProvider('dev')).toBeUndefined()
  })

  it('watches no response body: web streams and blobs count until the response arrives', () => {
    const finished: boolean[] = []
    const streamLike = { once() {}, off() {}, pipe() {} } // even a Node-stream look-alike
    expect(platform.watchBody(streamLike, (ok) => finished.push(ok), 1000, systemClock)).toBe(false)
    expect(platform.watchBody(new Blob(['x']), (ok) => finished.push(ok), 1000, systemClock)).toBe(
      false,
    )
    expect(finished).toEqual([])
  })
})

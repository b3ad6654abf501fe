import { S3Client } from '@aws-sdk/client-s3'
import { describe, expect, it } from 'vitest'
import { CacheError } from '../errors.js'
import type { CacheEvent } from '../events.js'
import { Session } from './Session.js'
import { manualClock } from './test-support/manualClock.js'

describe('the session clock', () => {
  it('times events, entries and credentials with the injected clock', async () => {
    const clock = manualClock()
    const session = new Session({
      region: 'us-east-1',
      clock,
      credentials: async () => ({ accessKeyId: 'AKIDCLOCK', secretAccessKey: 'clock-secret' }),
    })
    const events: CacheEvent[] = []
    session.subscribe((event) => events.push(event))
    session.client(S3Client)
    clock.advance(250)
    session.client(S3Client)
    await session.getCredentials()
    expect(events.map((event) => [event.type, event.at])).toEqual([
      ['miss', 5_000],
      ['create', 5_000],
      ['hit', 5_250],
      ['credentials', 5_250],
    ])
    const [entry] = session.snapshot().caches.client.LRU.entries
    expect(entry).toMatchObject({ createdAt: 5_000, lastUsedAt: 5_250, hits: 1 })
  })

  it('runs the credentials timeout on the injected timers', async () => {
    const clock = manualClock()
    const session = new Session({
      clock,
      credentialsTimeout: 1_000,
      credentials: () => new Promise(() => {}), // never settles
    })
    const pending = session.getCredentials()
    const outcome = pending.catch((error: unknown) => error)
    clock.advance(999)
    await Promise.resolve()
    clock.advance(1)
    const error = await outcome
    expect(error).toBeInstanceOf(CacheError)
    expect(error).toMatchObject({ code: 'CREDENTIALS_TIMEOUT' })
  })

  it('rejects a clock without now, setTimeout and clearTimeout, naming config.clock', () => {
    for (const clock of [() => 0, { now: () => 0 }, 'system', null]) {
      expect(() => new Session({ clock } as never)).toThrow(
        /^config\.clock must be an object \{ now, setTimeout, clearTimeout \} of functions, got /,
      )
    }
  })
})

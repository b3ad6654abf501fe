/**
 * The Node body watcher on real `node:stream` Readables: called by the Node platform, and loaded
 * on demand by the browser platform when a Node stream reaches it (a Node bundle built without
 * the `node` condition). The network suites cover it end to end with real SDK responses.
 */
import { Readable } from 'node:stream'
import { describe, expect, it, vi } from 'vitest'
import { manualClock } from '../session/test-support/manualClock.js'
import { platform as browserPlatform } from './browser.js'
import { platform as nodePlatform } from './node.js'
import { watchNodeBody } from './watchNodeBody.js'

/** Waits on state, polling; the bound only ends a test that would otherwise hang. */
const UNTIL = { timeout: 30_000, interval: 5 }

/** A body with two chunks that the test reads when it chooses. */
const body = () => Readable.from(['hello ', 'world'], { objectMode: false })

describe.each([
  ['the Node platform', nodePlatform.watchBody],
  ['the browser platform, watcher loaded on demand', browserPlatform.watchBody],
])('watching a Node stream body through %s', (_, watchBody) => {
  it('counts the request until the body has been read to its end', async () => {
    const stream = body()
    const finished: boolean[] = []
    const clock = manualClock()
    expect(watchBody(stream, (ok) => finished.push(ok), 60_000, clock)).toBe(true)
    await vi.waitFor(() => expect(stream.listenerCount('end')).toBe(1), UNTIL) // watching
    expect(finished).toEqual([])
    let text = ''
    for await (const chunk of stream) text += String(chunk)
    expect(text).toBe('hello world')
    await vi.waitFor(() => expect(finished).toEqual([true]), UNTIL)
    expect(clock.pending).toBe(0)
  })

  it('counts a body destroyed before its end as failed', async () => {
    const stream = body()
    const finished: boolean[] = []
    watchBody(stream, (ok) => finished.push(ok), 60_000, manualClock())
    await vi.waitFor(() => expect(stream.listenerCount('close')).toBe(1), UNTIL)
    stream.destroy()
    await vi.waitFor(() => expect(finished).toEqual([false]), UNTIL)
  })

  it('stops counting a body that makes no progress for the idle timeout', async () => {
    const stream = new Readable({ read() {} }) // open, and no byte ever arrives
    const finished: boolean[] = []
    const clock = manualClock()
    watchBody(stream, (ok) => finished.push(ok), 1_000, clock)
    await vi.waitFor(() => expect(clock.pending).toBe(1), UNTIL)
    clock.advance(1_000)
    expect(finished).toEqual([true])
    expect(stream.listenerCount('end') + stream.listenerCount('close')).toBe(0)
  })
})

describe('watchNodeBody', () => {
  it('watches nothing that is not an open Node stream', () => {
    const clock = manualClock()
    const ended = Readable.from([])
    ended.destroy()
    for (const value of [undefined, null, 'text', new Uint8Array(1), new Blob(['x']), ended]) {
      expect(watchNodeBody(value, () => undefined, 1_000, clock)).toBe(false)
    }
    expect(clock.pending).toBe(0)
  })
})

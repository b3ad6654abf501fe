import { describe, expect, it, vi } from 'vitest'
import { manualClock } from '../session/test-support/manualClock.js'
import { platform } from './browser.js'

/** Waits on state, polling; the bound only ends a test that would otherwise hang. */
const UNTIL = { timeout: 30_000, interval: 5 }

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

  it('watches no web body: web streams, blobs and strings count until the response arrives', () => {
    const finished: boolean[] = []
    const clock = manualClock()
    for (const body of [new Blob(['x']), new ReadableStream(), 'text', undefined, null]) {
      expect(platform.watchBody(body, (ok) => finished.push(ok), 1000, clock)).toBe(false)
    }
    expect(finished).toEqual([])
  })

  it('watches a Node stream body all the same (a Node bundle built without the node condition)', async () => {
    const stream = nodeStreamLike()
    const finished: boolean[] = []
    const clock = manualClock()
    expect(platform.watchBody(stream, (ok) => finished.push(ok), 1000, clock)).toBe(true)
    await vi.waitFor(() => expect(stream.listeners('end')).toBe(1), UNTIL) // the watcher has loaded
    stream.bytesRead = 10 // data arrives: not idle
    clock.advance(1000)
    expect(finished).toEqual([])
    stream.readableEnded = true
    stream.emit('end')
    expect(finished).toEqual([true])
    expect(stream.listeners('end') + stream.listeners('close') + stream.listeners('error')).toBe(0)
    expect(clock.pending).toBe(0)
  })

  it('finishes a Node stream body that ended, or closed early, before the watcher loaded', async () => {
    const clock = manualClock()
    const ended = nodeStreamLike()
    const closedEarly = nodeStreamLike()
    const finished: Array<[string, boolean]> = []
    platform.watchBody(ended, (ok) => finished.push(['ended', ok]), 1000, clock)
    platform.watchBody(closedEarly, (ok) => finished.push(['closed early', ok]), 1000, clock)
    ended.readableEnded = true
    closedEarly.destroyed = true
    await vi.waitFor(() => expect(finished).toHaveLength(2), UNTIL)
    expect(finished).toEqual([
      ['ended', true],
      ['closed early', false],
    ])
    expect(clock.pending).toBe(0)
  })
})

/** Just enough of a Node readable stream for the watcher: once/off/pipe and its progress fields. */
function nodeStreamLike() {
  const handlers = new Map<string, Set<() => void>>()
  return {
    readableEnded: false,
    destroyed: false,
    bytesRead: 0,
    get socket() {
      return { bytesRead: this.bytesRead }
    },
    pipe() {},
    once(event: string, handler: () => void) {
      if (!handlers.has(event)) handlers.set(event, new Set())
      handlers.get(event)?.add(handler)
    },
    off(event: string, handler: () => void) {
      handlers.get(event)?.delete(handler)
    },
    emit(event: string) {
      for (const handler of [...(handlers.get(event) ?? [])]) handler()
    },
    listeners(event: string) {
      return handlers.get(event)?.size ?? 0
    },
  }
}

/**
 * The secrets property test, extended to the bridge: real sessions, registered through the
 * global hook as development builds do, given generated secrets (static credentials, `logins`,
 * secret-named config fields) and driven through hits, misses, evictions, resources and panel
 * actions. No secret may appear in anything posted (on the page's window, through any port) or
 * written to the console.
 */
import fc from 'fast-check'
import { defineResource, Session } from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { BRIDGE } from './bridgeNames.js'
import { createHook } from './createHook.js'
import { createRelay } from './createRelay.js'
import { openPanel } from '../test-support/bridgeHarness.js'
import { FakeBrowser } from '../test-support/fakeBrowser.js'
import { FakeWindow } from '../test-support/fakeWindow.js'
import { FakeClient } from '../test-support/handles.js'
import { secretString as secret } from '../../src/test-support/secretString.js'

const KEY = Symbol.for(BRIDGE.HOOK_KEY)

const bucket = defineResource({
  name: 'Bucket',
  client: FakeClient,
  create: (client) => ({ client }),
})

beforeEach(() => {
  vi.useFakeTimers()
})
afterEach(() => {
  vi.useRealTimers()
  delete (globalThis as Record<symbol, unknown>)[KEY]
})

describe('no secret crosses the bridge', () => {
  it('over generated secrets, with real sessions registered through the global hook', async () => {
    await fc.assert(
      fc.asyncProperty(fc.array(secret, { minLength: 6, maxLength: 6 }), async (secrets) => {
        const [accessKeyId, secretAccessKey, sessionToken, password, login, nested] = secrets as [
          string,
          string,
          string,
          string,
          string,
          string,
        ]
        // The UNSTABLE_CONFIG advice the logger calls below trigger goes to the console in
        // development: kept, and checked with the rest.
        const warned: unknown[][] = []
        const warn = vi.spyOn(console, 'warn').mockImplementation((...args) => warned.push(args))
        const browser = new FakeBrowser()
        const window = new FakeWindow()
        Object.defineProperty(globalThis, KEY, {
          value: createHook({ window }),
          configurable: true,
        })
        createRelay({
          window,
          connect: () =>
            browser.connect(BRIDGE.RELAY_PORT, FakeBrowser.frame(1, 0, 'http://app.test')),
        })
        const panel = openPanel(browser, 1)
        panel.setShown(true)

        const session = new Session({
          region: 'us-east-1',
          credentials: { accessKeyId, secretAccessKey, sessionToken },
          defaults: { maxSize: 2 },
        })
        await vi.advanceTimersByTimeAsync(1)
        expect(panel.targets()).toHaveLength(1)
        const config = {
          region: 'eu-west-1',
          password,
          logins: { 'cognito-idp.example': login },
          options: { nested: { secret: nested } },
        }
        session.client(FakeClient, config)
        session.client(FakeClient, config)
        session.client(FakeClient, { ...config, region: 'sa-east-1' })
        session.client(FakeClient, { ...config, region: 'ap-south-1' })
        for (let i = 0; i < 4; i++)
          session.client(FakeClient, { ...config, logger: { debug() {} } })
        session.resource(bucket, config)
        await vi.advanceTimersByTimeAsync(150)
        const handle = panel.targets()[0]!.handle
        const entry = handle.snapshot().caches.client.LRU.entries[0]!
        handle.evict('client', 'LRU', entry.id)
        handle.resize('client', 'LRU', 5)
        handle.clear('resource', 'LRU')
        await vi.advanceTimersByTimeAsync(150)
        const disposed = session.dispose()
        await vi.advanceTimersByTimeAsync(150)
        await disposed
        expect(panel.targets()).toEqual([])

        warn.mockRestore()
        const everything = [
          ...window.posted.map((m) => JSON.stringify(m)),
          ...browser.messages,
          ...warned.map((args) => args.map(String).join(' ')),
        ].join('\n')
        expect(everything).toContain('"type":"evict"')
        for (const value of secrets) expect(everything).not.toContain(value)
        delete (globalThis as Record<symbol, unknown>)[KEY]
      }),
      { numRuns: 15 },
    )
  })
})

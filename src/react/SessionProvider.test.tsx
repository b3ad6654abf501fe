import { act, cleanup, render } from '@testing-library/react'
import { Activity, StrictMode, type ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { CacheError, ClientCacheError } from '../errors.js'
import { getDefaultSession } from '../session/defaultSession.js'
import { Session } from '../session/Session.js'
import type { SessionConfig } from '../session/SessionConfig.js'
import { SessionProvider, useClient, useSession } from './index.js'

/** A client that counts how often it was destroyed. */
class FakeClient {
  destroyed = 0
  constructor(readonly config: Record<string, unknown> = {}) {}
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {
    this.destroyed++
  }
}

afterEach(cleanup)

/** Lets queued microtasks (the provider's deferred disposal) run inside `act`. */
const flush = () => act(() => Promise.resolve())

/** `true` once a session refuses clients, i.e. was disposed (the probe hits the Probe client). */
function isDisposed(session: Session): boolean {
  try {
    session.client(FakeClient, { region: 'us-east-1' })
    return false
  } catch (error) {
    if (error instanceof ClientCacheError) return true
    throw error
  }
}

/** Renders the provider around a probe that records the session and client of every render. */
function renderProvider(config: SessionConfig, { strict = false } = {}) {
  const sessions: Session[] = []
  const clients: FakeClient[] = []
  function Probe() {
    sessions.push(useSession())
    clients.push(useClient(FakeClient, { region: 'us-east-1' }))
    return null
  }
  const tree = (providerConfig: SessionConfig): ReactNode => {
    const provider = (
      <SessionProvider config={providerConfig}>
        <Probe />
      </SessionProvider>
    )
    return strict ? <StrictMode>{provider}</StrictMode> : provider
  }
  const view = render(tree(config))
  return {
    sessions,
    clients,
    view,
    rerender: (next: SessionConfig) => view.rerender(tree(next)),
  }
}

describe('SessionProvider config', () => {
  it('creates its own session from the config, not the default session', () => {
    const { sessions, clients } = renderProvider({ region: 'eu-west-1' })
    const session = sessions.at(-1)!
    expect(session).toBeInstanceOf(Session)
    expect(session).not.toBe(getDefaultSession())
    expect(session.regionName).toBe('eu-west-1')
    expect(session.client(FakeClient, { region: 'us-east-1' })).toBe(clients.at(-1))
  })

  it('keeps one session across renders, even when the config object or its values change', () => {
    const { sessions, rerender } = renderProvider({ region: 'eu-west-1' })
    rerender({ region: 'eu-west-1' })
    rerender({ region: 'ap-south-1' })
    expect(new Set(sessions).size).toBe(1)
    expect(sessions[0]!.regionName).toBe('eu-west-1')
  })

  it('gives each mounted provider its own session', () => {
    const first = renderProvider({ region: 'eu-west-1' })
    const second = renderProvider({ region: 'eu-west-1' })
    expect(first.sessions.at(-1)).not.toBe(second.sessions.at(-1))
  })

  it('disposes its session after unmount, destroying the clients it built', async () => {
    const { sessions, clients, view } = renderProvider({ region: 'eu-west-1' })
    await flush()
    const session = sessions.at(-1)!
    expect(isDisposed(session)).toBe(false)
    view.unmount()
    await flush()
    expect(isDisposed(session)).toBe(true)
    await session.dispose()
    expect(clients.at(-1)!.destroyed).toBe(1)
  })

  it('under StrictMode hands out one live session, disposed only on the real unmount', async () => {
    const { sessions, clients, view } = renderProvider({ region: 'eu-west-1' }, { strict: true })
    await flush()
    // StrictMode renders twice and mounts, unmounts and mounts the effects again: what the
    // children got must still be live afterwards, with its client untouched.
    const seen = new Set(sessions)
    expect(seen.size).toBe(1)
    const session = sessions.at(-1)!
    expect(isDisposed(session)).toBe(false)
    expect(clients.at(-1)!.destroyed).toBe(0)
    expect(session.snapshot().stats.creates).toBe(1)

    view.unmount()
    await flush()
    expect(isDisposed(session)).toBe(true)
  })

  it('gets a new session when shown again after <Activity> hid it (its session was disposed)', async () => {
    const sessions: Session[] = []
    function Probe() {
      sessions.push(useSession())
      return null
    }
    const tree = (mode: 'visible' | 'hidden') => (
      <Activity mode={mode}>
        <SessionProvider config={{ region: 'eu-west-1' }}>
          <Probe />
        </SessionProvider>
      </Activity>
    )
    const view = render(tree('visible'))
    await flush()
    const first = sessions.at(-1)!
    act(() => view.rerender(tree('hidden')))
    await flush()
    expect(isDisposed(first)).toBe(true)
    act(() => view.rerender(tree('visible')))
    await flush()
    const shown = sessions.at(-1)!
    expect(shown).not.toBe(first)
    expect(isDisposed(shown)).toBe(false)
    expect(shown.regionName).toBe('eu-west-1')
  })

  it('leaves an app-owned session prop alone on unmount', async () => {
    const session = new Session()
    const view = render(
      <SessionProvider session={session}>
        <span />
      </SessionProvider>,
    )
    view.unmount()
    await flush()
    expect(isDisposed(session)).toBe(false)
  })

  it('uses the default session with neither prop', () => {
    const sessions: Session[] = []
    function Probe() {
      sessions.push(useSession())
      return null
    }
    render(
      <SessionProvider>
        <Probe />
      </SessionProvider>,
    )
    expect(sessions.at(-1)).toBe(getDefaultSession())
  })

  it('throws a CacheError naming config when given both a session and a config', () => {
    const session = new Session()
    const props = { session, config: { region: 'eu-west-1' } } as unknown as {
      session: Session
    }
    let thrown: unknown
    try {
      render(<SessionProvider {...props} />)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CacheError)
    expect((thrown as CacheError).param).toBe('config')
    expect((thrown as CacheError).message).toMatch(/^config must be .*not both.*, got an object/)
    expect(isDisposed(session)).toBe(false)
  })

  it("throws the session's own error, naming the field, for a bad config", () => {
    let thrown: unknown
    try {
      render(<SessionProvider config={{ region: 42 as unknown as string }} />)
    } catch (error) {
      thrown = error
    }
    expect(thrown).toBeInstanceOf(CacheError)
    expect((thrown as CacheError).message).toContain('region')
    expect((thrown as CacheError).message).toContain('42 (number)')
  })

  it('rejects both props at compile time', () => {
    const session = new Session()
    // @ts-expect-error: a session or a config, not both
    const both = <SessionProvider session={session} config={{ region: 'eu-west-1' }} />
    expect(both).toBeTruthy()
  })
})

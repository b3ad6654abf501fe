import { act, cleanup, render, renderHook } from '@testing-library/react'
import { StrictMode, useState, type ReactNode } from 'react'
import { afterEach, describe, expect, it } from 'vitest'
import { defineResource } from '../resources/defineResource.js'
import { getDefaultSession } from '../session/defaultSession.js'
import { Session } from '../session/Session.js'
import type { SessionSnapshot } from '../session/SessionSnapshot.js'
import { SessionProvider, useClient, useResource, useSession, useSessionSnapshot } from './index.js'

class FakeClient {
  constructor(readonly config: Record<string, unknown> = {}) {}
  send(): Promise<unknown> {
    return Promise.resolve({})
  }
  destroy(): void {}
}

const widget = defineResource({
  name: 'Widget',
  client: FakeClient,
  create: (client: FakeClient, options?: { size?: number }) => ({ client, options }),
})

function wrapperFor(session: Session, strict = false) {
  return function Wrapper({ children }: { children: ReactNode }) {
    const tree = <SessionProvider session={session}>{children}</SessionProvider>
    return strict ? <StrictMode>{tree}</StrictMode> : tree
  }
}

afterEach(cleanup)

/** Lets queued microtasks (the store's coalesced notification) run inside `act`. */
const flush = () => act(() => Promise.resolve())

describe('useSession', () => {
  it('returns the default session outside a provider', () => {
    const { result } = renderHook(() => useSession())
    expect(result.current).toBe(getDefaultSession())
  })

  it("returns the provider's session inside one", () => {
    const session = new Session()
    const { result } = renderHook(() => useSession(), { wrapper: wrapperFor(session) })
    expect(result.current).toBe(session)
  })
})

describe('useClient', () => {
  it.each([false, true])(
    'keeps one client while the key is unchanged, whatever the config identity (StrictMode: %s)',
    (strict) => {
      const session = new Session({ region: 'us-east-1' })
      const { result, rerender } = renderHook(
        ({ region }: { region: string }) => useClient(FakeClient, { region }),
        { wrapper: wrapperFor(session, strict), initialProps: { region: 'eu-west-1' } },
      )
      const first = result.current
      expect(first).toBeInstanceOf(FakeClient)
      expect(session.client(FakeClient, { region: 'eu-west-1' })).toBe(first)
      const hits = session.snapshot().stats.hits
      for (let i = 0; i < 5; i++) rerender({ region: 'eu-west-1' })
      expect(result.current).toBe(first)
      // Re-renders read the memo: no extra hits, one client built.
      expect(session.snapshot().stats.hits).toBe(hits)
      expect(session.snapshot().stats.creates).toBe(1)

      rerender({ region: 'us-west-2' })
      expect(result.current).not.toBe(first)
      expect(result.current.config.region).toBe('us-west-2')
      expect(session.cache.client.LRU.size).toBe(2)
    },
  )

  it('uses the policy and maxSize of its options', () => {
    const session = new Session()
    const { result } = renderHook(
      () => useClient(FakeClient, { region: 'r' }, { evictionPolicy: 'LFU', maxSize: 3 }),
      { wrapper: wrapperFor(session) },
    )
    expect(session.cache.client.LFU.values()).toEqual([result.current])
    expect(session.cache.client.LFU.maxSize).toBe(3)
    expect(session.cache.client.LRU.size).toBe(0)
  })

  it('gets a fresh client on the next render once the cached one was evicted', () => {
    const session = new Session()
    const { result, rerender } = renderHook(() => useClient(FakeClient, { region: 'r' }), {
      wrapper: wrapperFor(session),
    })
    const first = result.current
    session.cache.client.LRU.clear()
    rerender()
    expect(result.current).not.toBe(first)
    expect(session.cache.client.LRU.values()).toEqual([result.current])
  })

  it('tells apart configs that differ only in a secret', () => {
    const session = new Session()
    const { result, rerender } = renderHook(
      ({ password }: { password: string }) => useClient(FakeClient, { region: 'r', password }),
      { wrapper: wrapperFor(session), initialProps: { password: 'one' } },
    )
    const first = result.current
    rerender({ password: 'one' })
    expect(result.current).toBe(first)
    rerender({ password: 'two' })
    expect(result.current).not.toBe(first)
  })

  it('throws the session error on bad input', () => {
    const session = new Session()
    expect(() =>
      renderHook(() => useClient(FakeClient, { region: 'r' }, { evictionPolicy: 'lru' as 'LRU' }), {
        wrapper: wrapperFor(session),
      }),
    ).toThrow(/Invalid eviction policy/)
  })

  it('does not loop when the same component also reads the snapshot', async () => {
    const session = new Session()
    let renders = 0
    function Probe() {
      renders++
      useClient(FakeClient, { region: 'r' })
      const snapshot = useSessionSnapshot()
      return <span data-testid="size">{snapshot.caches.client.LRU.size}</span>
    }
    const view = render(
      <StrictMode>
        <SessionProvider session={session}>
          <Probe />
        </SessionProvider>
      </StrictMode>,
    )
    await flush()
    await flush()
    expect(view.getByTestId('size').textContent).toBe('1')
    expect(renders).toBeLessThan(10)
  })
})

describe('useResource', () => {
  it.each([false, true])('keeps one resource per key (StrictMode: %s)', (strict) => {
    const session = new Session()
    const { result, rerender } = renderHook(
      ({ size }: { size: number }) =>
        useResource(widget, { region: 'r' }, { resourceOptions: { size } }),
      { wrapper: wrapperFor(session, strict), initialProps: { size: 1 } },
    )
    const first = result.current
    expect(first.options).toEqual({ size: 1 })
    rerender({ size: 1 })
    expect(result.current).toBe(first)
    expect(session.snapshot().stats.creates).toBe(1)
    rerender({ size: 2 })
    expect(result.current).not.toBe(first)
    expect(session.cache.resource.LRU.size).toBe(2)
  })
})

describe('useSessionSnapshot', () => {
  it.each([false, true])(
    'returns the same object until an event, then a fresh one (StrictMode: %s)',
    async (strict) => {
      const session = new Session({ region: 'us-east-1' })
      const { result, rerender } = renderHook(() => useSessionSnapshot(), {
        wrapper: wrapperFor(session, strict),
      })
      const first = result.current
      expect(first.id).toBe(session.snapshot().id)
      rerender()
      expect(result.current).toBe(first)

      await act(async () => {
        session.client(FakeClient)
      })
      expect(result.current).not.toBe(first)
      expect(result.current.caches.client.LRU.size).toBe(1)
      expect(result.current.stats.creates).toBe(1)
    },
  )

  it('coalesces a burst of events into one render', async () => {
    const session = new Session()
    const seen: SessionSnapshot[] = []
    function Probe() {
      seen.push(useSessionSnapshot(session))
      return null
    }
    render(<Probe />)
    await flush()
    const before = seen.length
    await act(async () => {
      for (let i = 0; i < 20; i++) session.client(FakeClient, { region: `r${i}` })
      session.cache.client.LRU.maxSize = 3
    })
    expect(seen.length - before).toBe(1)
    expect(seen.at(-1)?.caches.client.LRU.size).toBe(3)
  })

  it('sees changes made while no component listened', async () => {
    const session = new Session()
    function Probe() {
      return <span data-testid="size">{useSessionSnapshot(session).caches.client.LRU.size}</span>
    }
    const first = render(<Probe />)
    expect(first.getByTestId('size').textContent).toBe('0')
    first.unmount()
    session.client(FakeClient)
    const second = render(<Probe />)
    await flush()
    expect(second.getByTestId('size').textContent).toBe('1')
  })

  it('shares one snapshot between components and follows the session prop', async () => {
    const a = new Session()
    const b = new Session()
    b.client(FakeClient)
    const seen: SessionSnapshot[] = []
    function Probe({ session }: { session: Session }) {
      const snapshot = useSessionSnapshot(session)
      seen.push(snapshot)
      return <span>{snapshot.caches.client.LRU.size}</span>
    }
    function Switch() {
      const [session, setSession] = useState(a)
      return (
        <>
          <button onClick={() => setSession(b)}>switch</button>
          <Probe session={session} />
          <Probe session={session} />
        </>
      )
    }
    const view = render(<Switch />)
    expect(seen.at(-1)).toBe(seen.at(-2))
    act(() => view.getByText('switch').click())
    expect(seen.at(-1)?.id).toBe(b.snapshot().id)
    expect(seen.at(-1)).toBe(seen.at(-2))
  })
})

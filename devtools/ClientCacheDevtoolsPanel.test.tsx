import { act, cleanup, fireEvent, render, waitFor, within } from '@testing-library/react'
import {
  ClientCacheKey,
  defineResource,
  getDefaultSession,
  Session,
  type AwsCredentialIdentity,
} from 'aws-client-cache'
import { SessionProvider } from 'aws-client-cache/react'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { ClientCacheDevtoolsPanel } from './production.js'
import {
  FakeClient,
  panel,
  shadowRootOf,
  WidgetClient,
  countSubscriptions,
} from './test-support/fixtures.js'

const widget = defineResource({
  name: 'Widget',
  client: FakeClient,
  create: (client: FakeClient) => ({ client }),
})

beforeEach(() => localStorage.clear())
afterEach(cleanup)

function renderPanel(session: Session) {
  return render(
    <div style={{ height: 600 }}>
      <ClientCacheDevtoolsPanel session={session} />
    </div>,
  )
}

/** Entry rows (not frequency headers) of the shown cache, in order. */
function entryRows() {
  return panel()
    .queryAllByRole('listitem')
    .filter((row) => row.classList.contains('entry'))
}

describe('ClientCacheDevtoolsPanel', () => {
  it('renders in a shadow root, adds no global CSS, and puts the nonce on its style', () => {
    const sheets = document.styleSheets.length
    const session = new Session()
    render(<ClientCacheDevtoolsPanel session={session} styleNonce="n0nce" />)
    const root = shadowRootOf()
    expect(root.querySelectorAll('style')).toHaveLength(1)
    expect(root.querySelector('style')?.nonce).toBe('n0nce')
    expect(document.styleSheets.length).toBe(sheets)
    expect(document.head.querySelector('style[data-aws-client-cache-devtools]')).toBeNull()
  })

  it('shows the default session without a session prop, and a provider session inside one', () => {
    const picked = () => {
      const picker = panel().getByRole<HTMLSelectElement>('combobox', { name: 'Session' })
      return picker.selectedOptions[0]?.textContent
    }
    const view = render(<ClientCacheDevtoolsPanel />)
    expect(picked()).toContain(getDefaultSession().snapshot().id)
    view.unmount()
    const session = new Session({ region: 'eu-west-3' })
    render(
      <SessionProvider session={session}>
        <ClientCacheDevtoolsPanel />
      </SessionProvider>,
    )
    expect(picked()).toBe(`${session.snapshot().id} · eu-west-3`)
    cleanup()
    // With a session prop: its id, no picker.
    render(<ClientCacheDevtoolsPanel session={session} />)
    expect(panel().getByTitle('Session id').textContent).toBe(
      `${session.snapshot().id} · eu-west-3`,
    )
    expect(panel().queryByRole('combobox')).toBeNull()
  })

  it('shows session totals, the hit rate with a sparkline, and the credentials countdown', async () => {
    vi.useFakeTimers({ toFake: ['Date', 'setInterval', 'clearInterval'] })
    try {
      vi.setSystemTime(new Date('2030-01-01T00:00:00Z'))
      const expiration = new Date('2030-01-01T00:10:00Z')
      const session = new Session({
        credentials: async () => ({ accessKeyId: 'AKIA', secretAccessKey: 's', expiration }),
      })
      await session.getCredentials()
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'b' })
      renderPanel(session)
      const stats = shadowRootOf().querySelector('.stats') as HTMLElement
      const value = (name: string) =>
        within(stats).getByText(name).nextElementSibling?.textContent?.trim()
      expect(value('Hits')).toBe('2')
      expect(value('Misses')).toBe('2')
      expect(value('Creates')).toBe('2')
      expect(value('Evictions')).toBe('0')
      expect(value('Hit rate')).toContain('50%')
      expect(value('Credentials')).toBe('expires in 10m 00s · initial')

      await act(async () => {
        vi.advanceTimersByTime(6 * 60_000)
      })
      expect(value('Credentials')).toBe('expires in 4m 00s · initial')
      await act(async () => {
        session.setCredentials(async () => ({ accessKeyId: 'B', secretAccessKey: 's', expiration }))
        await session.getCredentials()
        // The panel re-reads the snapshot on the next animation frame.
        await new Promise<void>((resolve) => requestAnimationFrame(() => resolve()))
      })
      expect(value('Credentials')).toBe('expires in 4m 00s · switch')
      expect(shadowRootOf().querySelector('.creds')?.classList.contains('warn')).toBe(true)
      expect(
        Number(shadowRootOf().querySelector('.spark')?.getAttribute('data-points')),
      ).toBeGreaterThan(1)
      expect(shadowRootOf().querySelector('.spark polyline')).not.toBeNull()
    } finally {
      vi.useRealTimers()
    }
  })

  it('shows a gauge per cache and the selected cache in eviction order, next victim first', async () => {
    const session = new Session({ defaults: { maxSize: 4 } })
    session.client(FakeClient, { region: 'us-east-1' })
    const second = session.client(WidgetClient, { region: 'eu-west-1' })
    session.client(FakeClient, { region: 'us-east-1' }) // a use: moves it to the back
    void second
    session.client(FakeClient, { region: 'ap-south-1' }, { evictionPolicy: 'LFU' })
    session.resource(widget, { region: 'r' })
    renderPanel(session)

    const tabs = panel().getAllByRole('tab', { name: /· (LRU|LFU)/ })
    expect(tabs.map((tab) => tab.textContent)).toEqual([
      'client · LRU2 / 4',
      'client · LFU1 / 4',
      'resource · LRU1 / 4',
      'resource · LFU0 / 4',
    ])
    const rows = entryRows()
    expect(rows).toHaveLength(2)
    expect(rows[0]?.textContent).toContain("WidgetClient({ region: 'eu-west-1' })")
    expect(rows[0]?.textContent).toContain('next victim')
    expect(rows[1]?.textContent).not.toContain('next victim')
    const meta = rows[1]?.querySelector('.meta')?.textContent ?? ''
    for (const part of [
      'FakeClient',
      'us-east-1',
      'hits 1',
      'freq 2',
      'in flight 0',
      'requests 0',
      'errors 0',
      'created just now',
      'used just now',
    ]) {
      expect(meta).toContain(part)
    }
    expect(rows[0]?.querySelector('.meta')?.textContent).toContain('Widget') // service

    fireEvent.click(tabs[2] as HTMLElement)
    expect(entryRows()[0]?.textContent).toContain('Widget(')
    fireEvent.click(tabs[3] as HTMLElement)
    expect(panel().getByText('The resource LFU cache is empty.')).toBeDefined()

    // Arrow keys move between the cache tabs.
    fireEvent.keyDown(tabs[3] as HTMLElement, { key: 'ArrowRight' })
    expect(tabs[0]?.getAttribute('aria-selected')).toBe('true')
    expect(shadowRootOf().activeElement).toBe(tabs[0])
  })

  it('groups LFU entries by frequency bucket', () => {
    const session = new Session({ defaults: { evictionPolicy: 'LFU' } })
    session.client(FakeClient, { region: 'once' })
    session.client(FakeClient, { region: 'thrice' })
    session.client(FakeClient, { region: 'thrice' })
    session.client(FakeClient, { region: 'thrice' })
    session.client(FakeClient, { region: 'also-once' })
    renderPanel(session)
    fireEvent.click(panel().getByRole('tab', { name: /client · LFU/ }))
    const items = panel().getAllByRole('listitem')
    expect(items.map((item) => item.className)).toEqual([
      'group',
      'entry victim',
      'entry',
      'group',
      'entry',
    ])
    expect(items[0]?.textContent).toBe('Frequency 12 entries')
    expect(items[3]?.textContent).toBe('Frequency 31 entry')
    expect(items[4]?.textContent).toContain("region: 'thrice'")
  })

  it('searches entries by label', async () => {
    const session = new Session()
    for (const region of ['us-east-1', 'us-west-2', 'eu-west-1'])
      session.client(FakeClient, { region })
    renderPanel(session)
    fireEvent.change(panel().getByRole('searchbox', { name: 'Search entries by label' }), {
      target: { value: 'WEST' },
    })
    expect(entryRows().map((row) => row.querySelector('.label')?.textContent)).toEqual([
      "FakeClient({ region: 'us-west-2' })",
      "FakeClient({ region: 'eu-west-1' })",
    ])
    // Ranks are the real eviction ranks, not positions in the results.
    expect(entryRows()[0]?.querySelector('.rank')?.textContent).toBe('#2')
    fireEvent.change(panel().getByRole('searchbox'), { target: { value: 'nowhere' } })
    expect(panel().getByText('No entry matches “nowhere”.')).toBeDefined()
  })

  it('evicts an entry', async () => {
    const session = new Session()
    const a = session.client(FakeClient, { region: 'a' })
    session.client(FakeClient, { region: 'b' })
    renderPanel(session)
    fireEvent.click(panel().getByRole('button', { name: "Evict FakeClient({ region: 'b' })" }))
    expect(session.cache.client.LRU.values()).toEqual([a])
    await waitFor(() => expect(entryRows()).toHaveLength(1))
    expect(panel().getByRole('tab', { name: /client · LRU/ }).textContent).toContain('1 / 10')
  })

  it('clears a cache', async () => {
    const session = new Session()
    session.client(FakeClient, { region: 'a' })
    session.client(FakeClient, { region: 'b' })
    renderPanel(session)
    fireEvent.click(panel().getByRole('button', { name: 'Clear client LRU cache' }))
    expect(session.cache.client.LRU.size).toBe(0)
    expect(await panel().findByText('The client LRU cache is empty.')).toBeDefined()
  })

  it("changes a cache's maxSize, and shows the error of a refused one", async () => {
    const session = new Session()
    for (const region of ['a', 'b', 'c']) session.client(FakeClient, { region })
    renderPanel(session)
    const input = panel().getByLabelText('max size')
    fireEvent.change(input, { target: { value: '2' } })
    fireEvent.click(panel().getByRole('button', { name: 'Apply' }))
    expect(session.cache.client.LRU.maxSize).toBe(2)
    await waitFor(() => expect(entryRows()).toHaveLength(2))
    expect(entryRows()[0]?.textContent).toContain("region: 'b'")

    fireEvent.change(input, { target: { value: '0' } })
    fireEvent.click(panel().getByRole('button', { name: 'Apply' }))
    expect(panel().getByRole('alert').textContent).toMatch(
      /maxSize must be a positive integer.*got 0/,
    )
    expect(session.cache.client.LRU.maxSize).toBe(2)

    // A size changed elsewhere shows up in the field.
    act(() => {
      session.cache.client.LRU.maxSize = 7
    })
    await waitFor(() => expect((input as HTMLInputElement).value).toBe('7'))
  })

  it('subscribes to the session only while mounted', () => {
    const session = new Session()
    const subscriptions = countSubscriptions(session)
    const view = renderPanel(session)
    expect(subscriptions.active).toBe(1)
    view.unmount()
    expect(subscriptions.active).toBe(0)
  })

  it('virtualizes long lists: 10,000 entries render a screenful of rows', async () => {
    const session = new Session()
    const cache = session.cache.client.LRU
    cache.maxSize = 10_000
    for (let i = 0; i < 10_000; i++) {
      cache.set(new ClientCacheKey(FakeClient, { region: `r${i}` }), new FakeClient())
    }
    const started = performance.now()
    renderPanel(session)
    await panel().findByText("FakeClient({ region: 'r0' })")
    const elapsed = performance.now() - started
    console.info(`devtools: opened on 10,000 entries in ${elapsed.toFixed(1)} ms`)
    const rows = entryRows()
    expect(rows.length).toBeGreaterThan(5)
    expect(rows.length).toBeLessThan(60)

    const scroller = panel().getByRole('group', { name: /client LRU entries/ })
    scroller.scrollTop = 44 * 5000
    fireEvent.scroll(scroller)
    await panel().findByText("FakeClient({ region: 'r5000' })")
    expect(entryRows().length).toBeLessThan(60)

    // Search over the 10,000 stays quick too.
    const searchStarted = performance.now()
    fireEvent.change(panel().getByRole('searchbox'), { target: { value: "'r9999'" } })
    await waitFor(() => expect(entryRows()).toHaveLength(1))
    console.info(
      `devtools: searched 10,000 entries in ${(performance.now() - searchStarted).toFixed(1)} ms`,
    )
  })

  it('switches theme, and remembers it', () => {
    render(<ClientCacheDevtoolsPanel session={new Session()} theme="dark" />)
    const root = () => shadowRootOf().querySelector('.root') as HTMLElement
    expect(root().dataset.theme).toBe('dark')
    fireEvent.click(panel().getByRole('button', { name: /^Theme: dark/ }))
    expect(root().dataset.theme).toBe('system')
    fireEvent.click(panel().getByRole('button', { name: /^Theme: system/ }))
    expect(root().dataset.theme).toBe('light')
    cleanup()
    render(<ClientCacheDevtoolsPanel session={new Session()} />)
    expect(root().dataset.theme).toBe('light')
  })
})

describe('timeline', () => {
  async function openTimeline(session: Session) {
    renderPanel(session)
    fireEvent.click(panel().getByRole('tab', { name: /Timeline/ }))
  }

  it('records events with eviction reasons, filters by type, and clears', async () => {
    const session = new Session({ defaults: { maxSize: 1 } })
    await openTimeline(session)
    act(() => {
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'b' }) // evicts a (capacity)
      session.cache.client.LRU.clear()
    })
    await panel().findByText('reason: capacity')
    expect(panel().getByRole('tab', { name: /Timeline/ }).textContent).toMatch(/Timeline \(\d+\)/)
    const rows = () =>
      panel()
        .getAllByRole('listitem')
        .map((row) => row.querySelector('.t')?.textContent)
    // Newest first.
    expect(rows()[0]).toBe('clear')
    expect(rows()).toContain('hit')
    expect(rows()).toContain('evict')
    expect(panel().getByText('reason: clear')).toBeDefined()

    fireEvent.click(panel().getByRole('button', { name: /^hit \d/ }))
    expect(rows()).not.toContain('hit')
    expect(
      panel()
        .getByRole('button', { name: /^hit \d/ })
        .getAttribute('aria-pressed'),
    ).toBe('false')
    for (const type of ['miss', 'create', 'evict', 'dispose', 'clear', 'hit']) {
      fireEvent.click(panel().getByRole('button', { name: new RegExp(`^${type} \\d`) }))
    }
    expect(rows()).toEqual(['hit'])

    fireEvent.click(panel().getByRole('button', { name: 'Clear timeline' }))
    expect(await panel().findByText('No events yet.')).toBeDefined()
  })

  it('keeps about 500 events (a ring buffer)', async () => {
    const session = new Session()
    await openTimeline(session)
    act(() => {
      for (let i = 0; i < 400; i++) session.client(FakeClient, { region: `r${i}` })
    })
    await waitFor(() =>
      expect(panel().getByRole('tab', { name: /Timeline/ }).textContent).toBe('Timeline (500)'),
    )
    // Over 100 rows: virtualized.
    expect(panel().getAllByRole('listitem').length).toBeLessThan(80)
  })

  it('exports the shown events as JSON', async () => {
    const session = new Session({ defaults: { maxSize: 1 } })
    await openTimeline(session)
    act(() => {
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'b' })
    })
    await panel().findByText('reason: capacity')
    let exported: Blob | undefined
    vi.spyOn(URL, 'createObjectURL').mockImplementation((blob) => {
      exported = blob as Blob
      return 'blob:test'
    })
    const click = vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.click(panel().getByRole('button', { name: 'Export JSON' }))
    expect(click).toHaveBeenCalledOnce()
    const json = JSON.parse(await (exported as Blob).text())
    expect(json.session).toBe(session.snapshot().id)
    // Oldest first.
    expect(json.events[0]).toMatchObject({ type: 'miss', label: "FakeClient({ region: 'a' })" })
    expect(json.events).toContainEqual(
      expect.objectContaining({ type: 'evict', reason: 'capacity', cacheType: 'client' }),
    )
  })
})

describe('secrets', () => {
  it('never renders or exports a secret', async () => {
    const secrets = {
      accessKeyId: 'AKIASECRETACCESSKEYID',
      secretAccessKey: 'secret-access-key-value-123',
      sessionToken: 'session-token-value-456',
      password: 'hunter2-password-789',
      login: 'cognito-login-token-abc',
    }
    const credentials: AwsCredentialIdentity = {
      accessKeyId: secrets.accessKeyId,
      secretAccessKey: secrets.secretAccessKey,
      sessionToken: secrets.sessionToken,
      expiration: new Date(Date.now() + 3_600_000),
    }
    const session = new Session({ region: 'us-east-1', credentials })
    await session.getCredentials()
    renderPanel(session)
    fireEvent.click(panel().getByRole('tab', { name: /Timeline/ }))
    act(() => {
      session.client(FakeClient, {
        password: secrets.password,
        logins: { 'cognito-idp.us-east-1.amazonaws.com/pool': secrets.login },
      })
      session.client(FakeClient, { credentials: { ...credentials } }, { evictionPolicy: 'LFU' })
      session.client(FakeClient, { password: secrets.password })
      session.cache.client.LRU.clear()
    })
    await waitFor(() => expect(panel().getAllByText('reason: clear').length).toBeGreaterThan(0))

    let blob: Blob | undefined
    vi.spyOn(URL, 'createObjectURL').mockImplementation((value) => {
      blob = value as Blob
      return 'blob:test'
    })
    vi.spyOn(HTMLAnchorElement.prototype, 'click').mockImplementation(() => {})
    fireEvent.click(panel().getByRole('button', { name: 'Export JSON' }))
    const exported = await (blob as Blob).text()
    expect(exported).toContain('FakeClient')

    const root = shadowRootOf()
    const views: string[] = [exported]
    views.push(root.innerHTML, (root as unknown as HTMLElement).textContent ?? '')
    fireEvent.click(panel().getByRole('tab', { name: 'Caches' }))
    for (const tab of panel().getAllByRole('tab', { name: /· (LRU|LFU)/ })) {
      fireEvent.click(tab)
      views.push(root.innerHTML, (root as unknown as HTMLElement).textContent ?? '')
    }
    const all = views.join('\n')
    expect(all).toContain('***')
    for (const secret of Object.values(secrets)) expect(all).not.toContain(secret)
  })
})

import { act, cleanup, fireEvent, waitFor } from '@testing-library/react'
import { Session } from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import {
  entryRows,
  FakeClient,
  focused,
  panel,
  renderPanel,
  WidgetClient,
} from './test-support/fixtures.js'

beforeEach(() => localStorage.clear())
afterEach(cleanup)

const LONG = 'a-very-long-user-agent-'.repeat(12)
const openButton = (region: string) =>
  panel().getByRole('button', { name: new RegExp(`^Details of .*region: '${region}'`) })
const detail = () => panel().queryByRole('region', { name: /WidgetClient|FakeClient/ })

/** A fact of the detail view, by its name. */
function fact(name: string): string | undefined {
  const term = [...(detail()?.querySelectorAll('dt') ?? [])].find((dt) => dt.textContent === name)
  return term?.nextElementSibling?.textContent ?? undefined
}

describe('entry detail view', () => {
  it('opens on click with the whole label, every number, why it was created and its events', async () => {
    const session = new Session()
    renderPanel(session)
    act(() => {
      session.client(WidgetClient, { region: 'eu-west-1', customUserAgent: LONG })
      session.client(WidgetClient, { region: 'us-east-1', customUserAgent: LONG })
      session.client(WidgetClient, { region: 'us-east-1', customUserAgent: LONG })
    })
    await waitFor(() => expect(entryRows()).toHaveLength(2))
    const label = session.cache.client.LRU.keys().find((key) =>
      key.label.includes('us-east-1'),
    )!.label
    expect(label).toContain(LONG)

    fireEvent.click(openButton('us-east-1'))
    const view = detail()!
    expect(view.querySelector('h2')?.textContent).toBe(label)
    expect(focused()).toBe(panel().getByRole('button', { name: 'Back to entries' }))
    expect(fact('Class')).toBe('WidgetClient')
    expect(fact('Service')).toBe('Widget')
    expect(fact('Region')).toBe('us-east-1')
    expect(fact('Cache')).toBe('client · LRU')
    expect(fact('Hits')).toBe('1')
    expect(fact('Frequency')).toBe('2')
    expect(fact('Requests')).toBe('0')
    expect(fact('Errors')).toBe('0')
    expect(fact('In flight')).toBe('0')
    expect(fact('Created')).toMatch(/^\d\d:\d\d:\d\d\.\d{3} \(just now\)$/)
    expect(fact('Last used')).toMatch(/\(just now\)$/)
    expect(view.querySelector('.cause')?.textContent).toBe(
      `Differs in config.region from the nearest cached entry, ${label.replace('us-east-1', 'eu-west-1')}.`,
    )
    const recent = [...view.querySelectorAll('.recent li .t')].map((t) => t.textContent)
    expect(recent).toEqual(['hit', 'create', 'miss'])
    // The list stays behind it, hidden.
    expect(entryRows()).toHaveLength(0)

    await userEvent.keyboard('{Escape}')
    expect(detail()).toBeNull()
    expect(entryRows()).toHaveLength(2)
    expect(focused()).toBe(openButton('us-east-1'))
    // Escape left the detail view, not the panel.
    expect(panel().getByRole('tab', { name: 'Caches' })).toBeDefined()
  })

  it('opens with Enter and with Space, and Back returns focus to the entry', async () => {
    const session = new Session()
    session.client(FakeClient, { region: 'a' })
    session.client(FakeClient, { region: 'b' })
    renderPanel(session)
    openButton('b').focus()
    await userEvent.keyboard('{Enter}')
    expect(detail()).not.toBeNull()
    expect(focused()).toBe(panel().getByRole('button', { name: 'Back to entries' }))
    await userEvent.keyboard('{Enter}')
    expect(detail()).toBeNull()
    expect(focused()).toBe(openButton('b'))

    await userEvent.keyboard(' ')
    expect(detail()).not.toBeNull()
    fireEvent.click(panel().getByRole('button', { name: 'Back to entries' }))
    expect(focused()).toBe(openButton('b'))
  })

  it('says when the miss that built the entry is not in the timeline', () => {
    const session = new Session()
    session.client(FakeClient, { region: 'before-the-panel' })
    renderPanel(session)
    fireEvent.click(openButton('before-the-panel'))
    expect(detail()?.querySelector('.cause')?.textContent).toMatch(
      /not in the timeline: it was created before the devtools started recording/,
    )
    expect(detail()?.textContent).toContain('None in the timeline.')
  })

  it('shows why an entry was rebuilt after an eviction', async () => {
    const session = new Session({ defaults: { maxSize: 1 } })
    renderPanel(session)
    act(() => {
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'b' }) // evicts a (capacity)
      session.client(FakeClient, { region: 'a' }) // a again: evicted before
    })
    await waitFor(() => expect(entryRows()[0]?.textContent).toContain("region: 'a'"))
    fireEvent.click(openButton('a'))
    expect(detail()?.querySelector('.cause')?.textContent).toBe(
      'This very key was cached before, and evicted (reason: capacity).',
    )
  })

  it('keeps an entry evicted while shown readable, with the reason', async () => {
    const session = new Session()
    renderPanel(session)
    act(() => {
      session.client(FakeClient, { region: 'a' })
    })
    await waitFor(() => expect(entryRows()).toHaveLength(1))
    fireEvent.click(openButton('a'))
    act(() => session.cache.client.LRU.clear())
    expect(await panel().findByRole('status')).toHaveProperty('textContent', 'evicted: clear')
    expect(fact('Region')).toBe('a')
    await userEvent.keyboard('{Escape}')
    // The entry is gone: focus lands on the search box.
    expect(focused()).toBe(panel().getByRole('searchbox'))
  })
})

/**
 * Keyboard use: focus never drops to <body> after an action that removes or disables its button,
 * and both tablists follow the ARIA tabs pattern (Left/Right/Home/End, roving tabindex).
 */
import { act, cleanup, fireEvent, waitFor } from '@testing-library/react'
import { Session } from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { userEvent } from 'vitest/browser'
import { entryRows, FakeClient, focused, panel, renderPanel } from './test-support/fixtures.js'

beforeEach(() => localStorage.clear())
afterEach(cleanup)

const details = (region: string) =>
  panel().getByRole('button', { name: `Details of FakeClient({ region: '${region}' })` })
const evict = (region: string) =>
  panel().getByRole('button', { name: `Evict FakeClient({ region: '${region}' })` })

describe('focus after actions', () => {
  it('after Evict, moves to the entry that took its place, then the search box', async () => {
    const session = new Session()
    for (const region of ['a', 'b', 'c']) session.client(FakeClient, { region })
    renderPanel(session)

    evict('b').focus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(entryRows()).toHaveLength(2))
    expect(focused()).toBe(details('c'))

    // The last one: the entry before it.
    evict('c').focus()
    await userEvent.keyboard('{Enter}')
    await waitFor(() => expect(entryRows()).toHaveLength(1))
    expect(focused()).toBe(details('a'))

    evict('a').focus()
    await userEvent.keyboard('{Enter}')
    await panel().findByText('The client LRU cache is empty.')
    expect(focused()).toBe(panel().getByRole('searchbox', { name: 'Search entries by label' }))
  })

  it('after Clear, stays on the (now disabled) Clear button', async () => {
    const session = new Session()
    session.client(FakeClient, { region: 'a' })
    renderPanel(session)
    const clear = panel().getByRole('button', { name: 'Clear client LRU cache' })
    clear.focus()
    await userEvent.keyboard('{Enter}')
    await panel().findByText('The client LRU cache is empty.')
    expect(focused()).toBe(clear)
    expect(clear.getAttribute('aria-disabled')).toBe('true')
    // Disabled: pressing it again does nothing.
    await userEvent.keyboard('{Enter}')
    expect(session.snapshot().caches.client.LRU.size).toBe(0)
  })

  it('after Clear timeline, stays on the (now disabled) Clear timeline button', async () => {
    const session = new Session()
    renderPanel(session)
    act(() => {
      session.client(FakeClient, { region: 'a' })
    })
    fireEvent.click(panel().getByRole('tab', { name: /Timeline/ }))
    const clear = panel().getByRole('button', { name: 'Clear timeline' })
    await waitFor(() => expect(clear.getAttribute('aria-disabled')).toBe('false'))
    clear.focus()
    await userEvent.keyboard('{Enter}')
    await panel().findByText('No events yet.')
    expect(focused()).toBe(clear)
    expect(clear.getAttribute('aria-disabled')).toBe('true')
  })
})

describe('tabs', () => {
  it('moves between Caches and Timeline with Left, Right, Home and End', async () => {
    renderPanel(new Session())
    const caches = panel().getByRole('tab', { name: 'Caches' })
    const timeline = () => panel().getByRole('tab', { name: /Timeline/ })
    expect(caches.tabIndex).toBe(0)
    expect(timeline().tabIndex).toBe(-1)
    caches.focus()
    const expectSelected = (tab: HTMLElement) => {
      expect(tab.getAttribute('aria-selected')).toBe('true')
      expect(tab.tabIndex).toBe(0)
      expect(focused()).toBe(tab)
    }
    await userEvent.keyboard('{ArrowRight}')
    expectSelected(timeline())
    expect(panel().getByRole('tabpanel', { name: /Timeline/ })).toBeDefined()
    await userEvent.keyboard('{ArrowRight}')
    expectSelected(caches)
    await userEvent.keyboard('{ArrowLeft}')
    expectSelected(timeline())
    await userEvent.keyboard('{Home}')
    expectSelected(caches)
    await userEvent.keyboard('{End}')
    expectSelected(timeline())
  })

  it('moves between the four caches with Left, Right, Home and End', async () => {
    renderPanel(new Session())
    const tabs = panel().getAllByRole('tab', { name: /· (LRU|LFU)/ })
    tabs[0]!.focus()
    await userEvent.keyboard('{End}')
    expect(focused()).toBe(tabs[3])
    expect(tabs[3]!.getAttribute('aria-selected')).toBe('true')
    await userEvent.keyboard('{ArrowRight}')
    expect(focused()).toBe(tabs[0])
    await userEvent.keyboard('{ArrowLeft}')
    expect(focused()).toBe(tabs[3])
    await userEvent.keyboard('{Home}')
    expect(focused()).toBe(tabs[0])
    expect(tabs.map((tab) => tab.tabIndex)).toEqual([0, -1, -1, -1])
  })
})

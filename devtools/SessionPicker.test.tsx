import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import { getDefaultSession, Session } from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { ClientCacheDevtools } from './production.js'
import { entryRows, FakeClient, panel, renderPanel } from './test-support/fixtures.js'

beforeEach(() => localStorage.clear())
afterEach(cleanup)

const picker = () => panel().getByRole<HTMLSelectElement>('combobox', { name: 'Session' })
const options = () => [...picker().options].map((option) => option.textContent)
const idOf = (session: Session) => session.snapshot().id
/** The picker re-reads `listSessions()` every second. */
const POLL = { timeout: 3000 }

describe('session picker', () => {
  it('lists every live session by id and region, follows new ones and drops disposed ones', async () => {
    const first = new Session({ region: 'eu-west-3' })
    renderPanel()
    expect(picker().value).toBe(idOf(getDefaultSession()))
    await waitFor(() => expect(options()).toContain(`${idOf(first)} · eu-west-3`))

    // A session created after the panel opened shows up.
    const later = new Session()
    await waitFor(() => expect(options()).toContain(`${idOf(later)} · no region`), POLL)

    // Picking one shows it.
    fireEvent.change(picker(), { target: { value: idOf(first) } })
    expect(picker().value).toBe(idOf(first))
    act(() => {
      first.client(FakeClient, { region: 'picked' })
    })
    await waitFor(() => expect(entryRows()[0]?.textContent).toContain("region: 'picked'"))

    // Disposed sessions leave the list; the panel falls back to the default session.
    await act(() => later.dispose())
    await act(() => first.dispose())
    await waitFor(() => expect(options()).not.toContain(`${idOf(first)} · eu-west-3`), POLL)
    expect(options()).not.toContain(`${idOf(later)} · no region`)
    await waitFor(() => expect(picker().value).toBe(idOf(getDefaultSession())))
  })

  it('re-reads the sessions when the picker gets focus', () => {
    renderPanel()
    const created = new Session({ region: 'ap-south-1' })
    fireEvent.focus(picker())
    expect(options()).toContain(`${idOf(created)} · ap-south-1`)
  })

  it('offers no picker when a session is given', () => {
    renderPanel(new Session())
    expect(panel().queryByRole('combobox', { name: 'Session' })).toBeNull()
  })

  it('keeps the picked session in ClientCacheDevtools across close and open', async () => {
    const other = new Session({ region: 'us-west-2' })
    render(<ClientCacheDevtools initialIsOpen />)
    fireEvent.focus(picker())
    fireEvent.change(picker(), { target: { value: idOf(other) } })
    fireEvent.click(panel().getByRole('button', { name: 'Close devtools' }))
    // Recorded while closed.
    act(() => {
      other.client(FakeClient, { region: 'while-closed' })
    })
    fireEvent.click(panel().getByRole('button', { name: /devtools/i }))
    expect(picker().value).toBe(idOf(other))
    expect(entryRows()[0]?.textContent).toContain("region: 'while-closed'")
    expect(panel().getByRole('tab', { name: /Timeline/ }).textContent).toBe('Timeline (2)')
    await act(() => other.dispose())
  })
})

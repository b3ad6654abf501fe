/** Miss causes and UNSTABLE_CONFIG warnings: in the timeline, and the header's badge and list. */
import { act, cleanup, fireEvent, waitFor } from '@testing-library/react'
import { Session } from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest'
import { userEvent } from 'vitest/browser'
import { FakeClient, focused, panel, renderPanel } from './test-support/fixtures.js'

beforeEach(() => {
  localStorage.clear()
  vi.spyOn(console, 'warn').mockImplementation(() => {})
})
afterEach(cleanup)

/** Four calls with a new logger each: a `new` miss, then `differs` ones; the third warns. */
function unstableCalls(session: Session) {
  act(() => {
    for (let i = 0; i < 4; i++) session.client(FakeClient, { logger: { debug: () => {} } })
  })
}

describe('warnings', () => {
  it('shows a badge naming the class and path, and a list of the warnings', async () => {
    const session = new Session()
    renderPanel(session)
    expect(panel().queryByRole('button', { name: /warning/ })).toBeNull()
    unstableCalls(session)
    const badge = await panel().findByRole('button', {
      name: '1 warning: FakeClient config.logger',
    })
    expect(badge.textContent).toBe('⚠ 1 warning')
    expect(badge.getAttribute('data-tip')).toBe('FakeClient config.logger')
    expect(badge.getAttribute('aria-expanded')).toBe('false')

    fireEvent.click(badge)
    expect(badge.getAttribute('aria-expanded')).toBe('true')
    const list = panel().getByRole('region', { name: 'Unstable configs' })
    expect(badge.getAttribute('aria-controls')).toBe(list.id)
    expect(list.querySelector('li')?.textContent).toBe(
      'UNSTABLE_CONFIG FakeClient config.logger 3 misses',
    )
    expect(list.textContent).toContain('create it once and reuse it')
    expect(focused()).toBe(list.querySelector('h2'))

    await userEvent.keyboard('{Escape}')
    expect(panel().queryByRole('region', { name: 'Unstable configs' })).toBeNull()
    expect(focused()).toBe(badge)
  })

  it('shows the warning and each miss cause in the timeline', async () => {
    const session = new Session()
    renderPanel(session)
    unstableCalls(session)
    fireEvent.click(panel().getByRole('tab', { name: /Timeline/ }))
    await panel().findByText('UNSTABLE_CONFIG: FakeClient config.logger, 3 misses')
    const details = () =>
      [...panel().getAllByRole('listitem')].map((row) => row.querySelector('.detail')?.textContent)
    expect(details().filter((text) => text === 'differs in config.logger')).toHaveLength(3)
    expect(details().at(-1)).toBe('new')
    const warningRow = panel()
      .getAllByRole('listitem')
      .find((row) => row.querySelector('.t')?.textContent === 'warning')
    // The tooltip is the event's message (the advice, in development).
    expect(warningRow?.querySelector('[title]:not(.mono)')?.getAttribute('title')).toMatch(
      /FakeClient.*config\.logger/,
    )
  })

  it('words an eviction-caused miss with its reason', async () => {
    const session = new Session({ defaults: { maxSize: 1 } })
    renderPanel(session)
    act(() => {
      session.client(FakeClient, { region: 'a' })
      session.client(FakeClient, { region: 'b' })
      session.client(FakeClient, { region: 'a' })
    })
    fireEvent.click(panel().getByRole('tab', { name: /Timeline/ }))
    expect(await panel().findByText('evicted before (capacity)')).toBeDefined()
    await waitFor(() => expect(panel().getAllByText('differs in config.region')).toHaveLength(1))
  })
})

/**
 * `HandlePanel`: the panel the browser extension mounts, over `DevtoolsHandle`s only. The handles
 * here are fakes with no session behind them (as the extension's remote ones have none in the
 * panel's realm): plain snapshots, events pushed by hand, actions recorded.
 */
import { act, cleanup, fireEvent, render, waitFor } from '@testing-library/react'
import type {
  CacheEvent,
  CacheEventListener,
  DevtoolsHandle,
  EntrySnapshot,
} from 'aws-client-cache'
import { afterEach, beforeEach, describe, expect, it } from 'vitest'
import { HandlePanel, type DevtoolsTarget } from './HandlePanel.js'
import { entryRows, nextFrame, panel, shadowRootOf } from './test-support/fixtures.js'
import { emptySnapshot, unusedEntrySnapshot } from './test-support/snapshots.js'

beforeEach(() => localStorage.clear())
afterEach(cleanup)

const entry = (region: string): EntrySnapshot =>
  unusedEntrySnapshot({
    id: `FakeClient#${region}`,
    label: `FakeClient({ region: '${region}' })`,
    className: 'FakeClient',
    region,
  })

type Action = [name: 'evict' | 'clear' | 'resize', ...args: unknown[]]

/** A handle over an in-memory snapshot: its actions change it and emit events, as a session would. */
function fakeHandle(id: string, regions: readonly string[]) {
  const listeners = new Set<CacheEventListener>()
  const actions: Action[] = []
  const state = emptySnapshot(id)
  const lru = () => state.caches.client.LRU
  const emit = (event: CacheEvent) => {
    for (const listener of [...listeners]) listener(event)
  }
  const add = (region: string) => {
    const added = entry(region)
    lru().entries = [...lru().entries, added]
    lru().size = lru().entries.length
    state.stats.creates++
    emit({
      type: 'create',
      at: Date.now(),
      cacheType: 'client',
      evictionPolicy: 'LRU',
      keyId: added.id,
      label: added.label,
    })
  }
  for (const region of regions) add(region)
  const handle: DevtoolsHandle = {
    id,
    version: '0.0.0-test',
    snapshot: () => structuredClone(state),
    subscribe(listener) {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    evict(cacheType, policy, keyId) {
      actions.push(['evict', cacheType, policy, keyId])
      const gone = lru().entries.find((candidate) => candidate.id === keyId)
      if (gone === undefined) return
      lru().entries = lru().entries.filter((candidate) => candidate !== gone)
      lru().size = lru().entries.length
      state.stats.evictions++
      emit({
        type: 'evict',
        at: Date.now(),
        cacheType,
        evictionPolicy: policy,
        keyId,
        label: gone.label,
        reason: 'delete',
      })
    },
    clear(cacheType, policy) {
      actions.push(['clear', cacheType, policy])
    },
    resize(cacheType, policy, maxSize) {
      actions.push(['resize', cacheType, policy, maxSize])
    },
  }
  return {
    handle,
    actions,
    add,
    get listeners() {
      return listeners.size
    },
  }
}

const picker = () => panel().getByRole<HTMLSelectElement>('combobox', { name: 'Session' })
const options = () => [...picker().options].map((option) => option.textContent)
const timelineTab = () => panel().getByRole('tab', { name: /Timeline/ })

function twoTargets() {
  const a = fakeHandle('s1', ['a1', 'a2'])
  const b = fakeHandle('s2', ['b1'])
  const targets: DevtoolsTarget[] = [
    { key: 'tab/0/s1', label: 'http://localhost:5173 · top frame · s1', handle: a.handle },
    { key: 'tab/3/s2', label: 'http://127.0.0.1:5174 · frame 3 · s2', handle: b.handle },
  ]
  return { a, b, targets }
}

describe('HandlePanel', () => {
  it('shows the first target, offers every target by label, and switches between them', async () => {
    const { a, b, targets } = twoTargets()
    render(<HandlePanel targets={targets} />)
    expect(shadowRootOf().host.getAttribute('data-mode')).toBe('page')
    expect(options()).toEqual(targets.map((target) => target.label))
    expect(picker().value).toBe('tab/0/s1')
    expect(entryRows().map((row) => row.textContent)).toEqual([
      expect.stringContaining("region: 'a1'"),
      expect.stringContaining("region: 'a2'"),
    ])
    // Full page: no docking, no close button.
    expect(panel().queryByRole('button', { name: 'Close devtools' })).toBeNull()
    expect(panel().queryByRole('separator')).toBeNull()

    fireEvent.change(picker(), { target: { value: 'tab/3/s2' } })
    expect(picker().value).toBe('tab/3/s2')
    await waitFor(() => expect(entryRows()).toHaveLength(1))
    expect(entryRows()[0]?.textContent).toContain("region: 'b1'")

    // Live events of the shown target reach the panel.
    act(() => b.add('b2'))
    await waitFor(() => expect(entryRows()).toHaveLength(2))

    // The other target kept recording meanwhile: its timeline has its later event.
    act(() => a.add('a3'))
    fireEvent.change(picker(), { target: { value: 'tab/0/s1' } })
    await waitFor(() => expect(entryRows()).toHaveLength(3))
    expect(timelineTab().textContent).toBe('Timeline (1)')
  })

  it('evicts, clears and resizes through the shown target’s handle', async () => {
    const { a, b, targets } = twoTargets()
    render(<HandlePanel targets={targets} />)
    fireEvent.click(panel().getByRole('button', { name: "Evict FakeClient({ region: 'a1' })" }))
    expect(a.actions).toEqual([['evict', 'client', 'LRU', 'FakeClient#a1']])
    await waitFor(() => expect(entryRows()).toHaveLength(1))
    expect(entryRows()[0]?.textContent).toContain("region: 'a2'")

    fireEvent.click(panel().getByRole('button', { name: 'Clear client LRU cache' }))
    expect(a.actions.at(-1)).toEqual(['clear', 'client', 'LRU'])

    const input = panel().getByLabelText('max size')
    fireEvent.change(input, { target: { value: '3' } })
    fireEvent.click(panel().getByRole('button', { name: 'Apply' }))
    expect(a.actions.at(-1)).toEqual(['resize', 'client', 'LRU', 3])

    // A refused size is explained here and never sent.
    fireEvent.change(input, { target: { value: '0' } })
    fireEvent.click(panel().getByRole('button', { name: 'Apply' }))
    expect(panel().getByRole('alert').textContent).toMatch(
      /maxSize must be a positive integer.*got 0/,
    )
    expect(a.actions).toHaveLength(3)
    expect(b.actions).toEqual([])
  })

  it('falls back to the first target when the shown one goes, and says so when none is left', async () => {
    const { a, b, targets } = twoTargets()
    const view = render(<HandlePanel targets={targets} emptyMessage="Nothing to inspect." />)
    fireEvent.change(picker(), { target: { value: 'tab/3/s2' } })
    expect(b.listeners).toBe(1)

    view.rerender(<HandlePanel targets={[targets[0]!]} emptyMessage="Nothing to inspect." />)
    expect(picker().value).toBe('tab/0/s1')
    await waitFor(() => expect(entryRows()).toHaveLength(2))
    expect(b.listeners).toBe(0) // its log was released with it

    view.rerender(<HandlePanel targets={[]} emptyMessage="Nothing to inspect." />)
    expect(panel().getByRole('status').textContent).toBe('Nothing to inspect.')
    expect(a.listeners).toBe(0)
  })

  it('subscribes once per target while mounted, and to nothing after', async () => {
    const { a, b, targets } = twoTargets()
    const view = render(<HandlePanel targets={targets} />)
    expect([a.listeners, b.listeners]).toEqual([1, 1])
    await nextFrame()
    view.unmount()
    expect([a.listeners, b.listeners]).toEqual([0, 0])
  })
})

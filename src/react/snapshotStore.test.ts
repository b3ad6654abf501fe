/**
 * `createSnapshotStore()`: the one snapshot-coalescing store (React bindings, devtools, playground),
 * driven here by a fake source and a fake scheduler, with no React.
 */
import { describe, expect, it, vi } from 'vitest'
import { Session } from '../index.js'
import { createSnapshotStore, type SnapshotSource } from './index.js'

/** A source whose state is a counter; counts snapshot reads and live subscriptions. */
function fakeSource() {
  const listeners = new Set<() => void>()
  let value = 0
  const source = {
    reads: 0,
    snapshot: () => {
      source.reads++
      return { value }
    },
    subscribe: (listener: () => void) => {
      listeners.add(listener)
      return () => listeners.delete(listener)
    },
    /** Changes the state and tells the listeners. */
    change(next = value + 1) {
      value = next
      for (const listener of [...listeners]) listener()
    },
    get subscribers() {
      return listeners.size
    },
  } satisfies SnapshotSource<{ value: number }> & Record<string, unknown>
  return source
}

/** A scheduler that runs its tasks only when told to. */
function fakeScheduler() {
  const tasks: (() => void)[] = []
  const schedule = vi.fn((task: () => void) => void tasks.push(task))
  const run = () => {
    for (const task of tasks.splice(0)) task()
  }
  return {
    schedule,
    run,
    get pending() {
      return tasks.length
    },
  }
}

const microtasks = () => new Promise<void>((resolve) => queueMicrotask(resolve))

describe('createSnapshotStore()', () => {
  it('coalesces a burst of changes into one notification and one snapshot read', () => {
    const source = fakeSource()
    const scheduler = fakeScheduler()
    const store = createSnapshotStore(source, scheduler.schedule)
    const listener = vi.fn()
    store.subscribe(listener)
    const first = store.getSnapshot()
    expect(store.getSnapshot()).toBe(first)

    source.reads = 0
    for (let i = 0; i < 100; i++) source.change()
    expect(scheduler.schedule).toHaveBeenCalledTimes(1)
    expect(listener).not.toHaveBeenCalled()
    scheduler.run()
    expect(listener).toHaveBeenCalledTimes(1)

    const second = store.getSnapshot()
    expect(second).toEqual({ value: 100 })
    expect(store.getSnapshot()).toBe(second)
    expect(source.reads).toBe(1)

    // The next burst schedules again.
    source.change()
    expect(scheduler.schedule).toHaveBeenCalledTimes(2)
  })

  it('subscribes to the source once, while it has listeners; unsubscribing stops notifications', () => {
    const source = fakeSource()
    const scheduler = fakeScheduler()
    const store = createSnapshotStore(source, scheduler.schedule)
    const a = vi.fn()
    const b = vi.fn()
    const stopA = store.subscribe(a)
    const stopB = store.subscribe(b)
    expect(source.subscribers).toBe(1)

    stopA()
    stopA() // idempotent
    source.change()
    scheduler.run()
    expect(a).not.toHaveBeenCalled()
    expect(b).toHaveBeenCalledTimes(1)

    stopB()
    expect(source.subscribers).toBe(0)
    source.change()
    expect(scheduler.pending).toBe(0)
    expect(b).toHaveBeenCalledTimes(1)
  })

  it('a notification already scheduled reaches no one once everybody left', () => {
    const source = fakeSource()
    const scheduler = fakeScheduler()
    const store = createSnapshotStore(source, scheduler.schedule)
    const listener = vi.fn()
    const stop = store.subscribe(listener)
    source.change()
    stop()
    scheduler.run()
    expect(listener).not.toHaveBeenCalled()
  })

  it('serves a read made while nobody listens for the current task only', async () => {
    const source = fakeSource()
    const store = createSnapshotStore(source, fakeScheduler().schedule)
    const first = store.getSnapshot()
    expect(store.getSnapshot()).toBe(first)
    source.change() // unheard: nobody subscribed
    await microtasks()
    expect(store.getSnapshot()).toEqual({ value: 1 })
  })

  it('keeps the object a render read unsubscribed when nothing changed by the first subscription', () => {
    const source = fakeSource()
    const store = createSnapshotStore(source, fakeScheduler().schedule)
    const read = store.getSnapshot()
    store.subscribe(() => {})
    expect(store.getSnapshot()).toBe(read)

    const other = createSnapshotStore(source, fakeScheduler().schedule)
    const stale = other.getSnapshot()
    source.change() // before anyone subscribed to `other`
    other.subscribe(() => {})
    expect(other.getSnapshot()).not.toBe(stale)
    expect(other.getSnapshot()).toEqual({ value: 1 })
  })

  it('schedules with a microtask by default', async () => {
    const source = fakeSource()
    const store = createSnapshotStore(source)
    const listener = vi.fn()
    store.subscribe(listener)
    source.change()
    source.change()
    expect(listener).not.toHaveBeenCalled()
    await microtasks()
    expect(listener).toHaveBeenCalledTimes(1)
  })

  it('reads a Session: one snapshot per burst of cache events', () => {
    const session = new Session()
    const scheduler = fakeScheduler()
    const store = createSnapshotStore(session, scheduler.schedule)
    const listener = vi.fn()
    store.subscribe(listener)
    const snapshot = vi.spyOn(session, 'snapshot')
    class FakeClient {
      send = () => Promise.resolve({})
      destroy() {}
    }
    for (let i = 0; i < 10; i++) session.client(FakeClient, { region: `r${i}` })
    scheduler.run()
    expect(listener).toHaveBeenCalledTimes(1)
    expect(store.getSnapshot().stats.creates).toBe(10)
    expect(store.getSnapshot().caches.client.LRU.size).toBe(10)
    expect(snapshot).toHaveBeenCalledTimes(1)
    void session.dispose()
  })
})

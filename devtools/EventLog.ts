import type { CacheEvent, DevtoolsHandle } from 'aws-client-cache'

/** How many events the timeline keeps per session. */
export const EVENT_LIMIT = 500

/** An event and its arrival number (a stable React key). */
export interface LoggedEvent {
  readonly seq: number
  readonly event: CacheEvent
}

let sequence = 0

/**
 * A session's last {@link EVENT_LIMIT} events, kept from the moment a devtools component mounts
 * (the panel closed too), so the timeline shows what happened before it was opened.
 *
 * Recording is meant to stay off the hit path's back: a push writes two array slots and bumps two
 * numbers (no allocation, no React state). Watchers (an open panel) are told of new events; with
 * none, a push does nothing more. The log subscribes to the session (through its handle) while at
 * least one component retains it, and unsubscribes when the last one releases it.
 */
export class EventLog {
  readonly #handle: DevtoolsHandle
  readonly #events: (CacheEvent | undefined)[] = new Array<CacheEvent | undefined>(EVENT_LIMIT)
  readonly #seqs = new Float64Array(EVENT_LIMIT)
  /** The slot the next event goes to. */
  #next = 0
  #size = 0
  #users = 0
  #stop: (() => void) | undefined
  readonly #watchers = new Set<() => void>()

  constructor(handle: DevtoolsHandle) {
    this.#handle = handle
  }

  /** Subscribes (on the first retain); returns the release. */
  retain(): () => void {
    if (this.#users++ === 0) this.#stop = this.#handle.subscribe(this.#push)
    let held = true
    return () => {
      if (!held) return
      held = false
      if (--this.#users === 0) {
        this.#stop?.()
        this.#stop = undefined
      }
    }
  }

  /** Calls `onChange` after each new event and after {@link clear}; returns the unwatch. */
  watch(onChange: () => void): () => void {
    this.#watchers.add(onChange)
    return () => this.#watchers.delete(onChange)
  }

  readonly #push = (event: CacheEvent): void => {
    const slot = this.#next
    this.#events[slot] = event
    this.#seqs[slot] = ++sequence
    this.#next = slot + 1 === EVENT_LIMIT ? 0 : slot + 1
    if (this.#size < EVENT_LIMIT) this.#size++
    if (this.#watchers.size !== 0) this.#notify()
  }

  #notify(): void {
    for (const watcher of this.#watchers) watcher()
  }

  /** How many events are kept. */
  get size(): number {
    return this.#size
  }

  /** The kept events, oldest first (a new array). */
  toArray(): LoggedEvent[] {
    const out: LoggedEvent[] = []
    const start = this.#size < EVENT_LIMIT ? 0 : this.#next
    for (let i = 0; i < this.#size; i++) {
      const slot = (start + i) % EVENT_LIMIT
      out.push({ seq: this.#seqs[slot] as number, event: this.#events[slot] as CacheEvent })
    }
    return out
  }

  /** Forgets every kept event. */
  clear(): void {
    this.#events.fill(undefined)
    this.#next = 0
    this.#size = 0
    this.#notify()
  }
}

/** One log per handle, so closing and reopening the panel keeps the timeline seen so far. */
const logs = new WeakMap<DevtoolsHandle, EventLog>()

/** The handle's event log (created on first use; it records only while retained). */
export function eventLogOf(handle: DevtoolsHandle): EventLog {
  let log = logs.get(handle)
  if (log === undefined) logs.set(handle, (log = new EventLog(handle)))
  return log
}

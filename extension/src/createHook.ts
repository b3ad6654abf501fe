import type { CacheEvent, DevtoolsHandle, DevtoolsHook } from 'aws-client-cache'
import { BATCH_MS, MAX_EVENTS_PER_BATCH, MAX_MESSAGE_CHARS } from './bridgeLimits.js'
import { BRIDGE } from './bridgeNames.js'
import { fitJson } from './fitJson.js'
import { parseHookCommand, type HookCommand, type SessionAction } from './HookCommand.js'
import type { HookMessage } from './HookMessage.js'
import type { MessageEventLike, Timers, WindowLike } from './WindowLike.js'
import { realTimers } from './WindowLike.js'
import { openEnvelope } from './windowEnvelope.js'

export interface HookOptions {
  /** The page's window: where messages to and from the relay are posted. */
  readonly window: WindowLike
  readonly timers?: Timers
  /** How long events gather before they are posted; default {@link BATCH_MS}. */
  readonly batchMs?: number
  /** Cap on one posted message's JSON; default {@link MAX_MESSAGE_CHARS}. */
  readonly maxMessageChars?: number
  /** Cap on one session's events per batch; default {@link MAX_EVENTS_PER_BATCH}. */
  readonly maxEventsPerBatch?: number
}

interface Registered {
  readonly handle: DevtoolsHandle
  /** This registration's own key (`r1`, `r2`, …): what the wire and the panel's actions name. */
  readonly key: string
  /** Set between START and STOP. */
  unsubscribe: (() => void) | undefined
  pending: CacheEvent[]
  dropped: number
}

/** Room left in a message for the batch's own wrapper around the sessions' JSON. */
const BATCH_PREFIX = '{"type":"batch","sessions":['
const BATCH_SUFFIX = ']}'

function describe(value: unknown): string {
  return value === null ? 'null' : Array.isArray(value) ? 'an array' : typeof value
}

function checkHandle(handle: unknown): asserts handle is DevtoolsHandle {
  const h = handle as Partial<DevtoolsHandle> | null | undefined
  if (
    typeof h !== 'object' ||
    h === null ||
    typeof h.id !== 'string' ||
    typeof h.snapshot !== 'function' ||
    typeof h.subscribe !== 'function'
  ) {
    throw new TypeError(
      `Expected a DevtoolsHandle (an object with a string \`id\`, \`snapshot()\` and \`subscribe()\`), got ${describe(handle)}`,
    )
  }
}

/**
 * The hook the extension installs in the page's own world before any page script runs: what
 * each development-build `Session` registers its `DevtoolsHandle` with.
 *
 * It holds the handles and nothing else until a panel of the tab is shown (START from the relay):
 * then it subscribes to every session, posts each one's snapshot (a resync) and from then on
 * posts their events every `batchMs`, each session's with its new snapshot, every message plain
 * JSON and at most `maxMessageChars` long. STOP unsubscribes and drops what was gathered. It
 * posts only what handles give (secret-free snapshots and events), and runs the actions the
 * panel asks for.
 *
 * Each registration gets its own key (`r1`, `r2`, …), which names the session on the wire and in
 * the panel's actions: session ids are unique only per copy of the library, and two copies in one
 * page (micro-frontends, a duplicated dependency) both have a `session-1`. A batch always carries
 * at least one event (see `fitJson`), so that the panel, which re-reads a snapshot after events,
 * shows each new snapshot.
 *
 * @example
 * ```ts
 * const hook = createHook({ window })
 * Object.defineProperty(globalThis, Symbol.for('aws-client-cache.devtools'), { value: hook })
 * ```
 */
export function createHook(options: HookOptions): DevtoolsHook {
  const {
    window: target,
    timers = realTimers,
    batchMs = BATCH_MS,
    maxMessageChars = MAX_MESSAGE_CHARS,
    maxEventsPerBatch = MAX_EVENTS_PER_BATCH,
  } = options
  /** By registration key: session ids are unique only per copy of the library. */
  const sessions = new Map<string, Registered>()
  let registrations = 0
  /** Sessions with events waiting for the next flush. */
  const dirty = new Set<Registered>()
  let started = false
  let timer: unknown

  const postJson = (json: string): void => {
    target.postMessage({ source: BRIDGE.HOOK_SOURCE, json }, '*')
  }
  const post = (message: HookMessage): void => {
    const json = JSON.stringify(message)
    if (json.length <= maxMessageChars) postJson(json)
  }
  const postSession = (entry: Registered): void => {
    let json: string | undefined
    try {
      const { handle } = entry
      json = fitJson(
        {
          type: 'session',
          key: entry.key,
          version: String(handle.version),
          snapshot: handle.snapshot(),
        },
        maxMessageChars,
      )
    } catch {
      json = undefined
    }
    if (json !== undefined) postJson(json)
  }

  const flush = (): void => {
    timer = undefined
    const room = maxMessageChars - BATCH_PREFIX.length - BATCH_SUFFIX.length
    let parts: string[] = []
    let length = 0
    const send = (): void => {
      if (parts.length > 0) postJson(BATCH_PREFIX + parts.join(',') + BATCH_SUFFIX)
      parts = []
      length = 0
    }
    for (const entry of dirty) {
      const { pending } = entry
      const events =
        pending.length > maxEventsPerBatch ? pending.slice(-maxEventsPerBatch) : pending
      const dropped = entry.dropped + pending.length - events.length
      entry.pending = []
      entry.dropped = 0
      let json: string | undefined
      try {
        json = fitJson({ key: entry.key, snapshot: entry.handle.snapshot(), events, dropped }, room)
      } catch {
        json = undefined
      }
      if (json === undefined) continue
      if (length + json.length + 1 > room) send()
      parts.push(json)
      length += json.length + 1
    }
    dirty.clear()
    send()
  }

  const subscribe = (entry: Registered): void => {
    if (entry.unsubscribe !== undefined) return
    // The hot path: one push per event, and a timer per batch, not per event.
    const listener = (event: CacheEvent): void => {
      const { pending } = entry
      pending.push(event)
      if (pending.length >= 2 * maxEventsPerBatch) {
        pending.splice(0, maxEventsPerBatch)
        entry.dropped += maxEventsPerBatch
      }
      dirty.add(entry)
      timer ??= timers.setTimeout(flush, batchMs)
    }
    try {
      entry.unsubscribe = entry.handle.subscribe(listener)
    } catch {
      entry.unsubscribe = undefined
    }
  }
  const unsubscribe = (entry: Registered): void => {
    const stop = entry.unsubscribe
    entry.unsubscribe = undefined
    entry.pending = []
    entry.dropped = 0
    try {
      stop?.()
    } catch {
      // The session's own business; the hook has let go either way.
    }
  }

  const forget = (entry: Registered): void => {
    unsubscribe(entry)
    dirty.delete(entry)
    sessions.delete(entry.key)
    if (started) post({ type: 'removed', key: entry.key })
  }

  const start = (): void => {
    started = true
    post({ type: 'sessions', keys: [...sessions.keys()] })
    for (const entry of sessions.values()) {
      subscribe(entry)
      postSession(entry)
    }
  }
  const stop = (): void => {
    started = false
    for (const entry of sessions.values()) unsubscribe(entry)
    dirty.clear()
    if (timer !== undefined) timers.clearTimeout(timer)
    timer = undefined
  }
  const act = (action: SessionAction): void => {
    const handle = sessions.get(action.sessionKey)?.handle
    if (handle === undefined) return
    try {
      if (action.type === 'evict') handle.evict(action.cacheType, action.policy, action.keyId)
      else if (action.type === 'clear') handle.clear(action.cacheType, action.policy)
      else handle.resize(action.cacheType, action.policy, action.maxSize)
    } catch {
      // Handles do not throw; a faulty one must not break the hook.
    }
  }
  const run = (command: HookCommand): void => {
    if (command.type === 'start') start()
    else if (command.type === 'stop') stop()
    else act(command)
  }

  target.addEventListener('message', (event: MessageEventLike) => {
    const command = parseHookCommand(openEnvelope(event, target, BRIDGE.RELAY_SOURCE))
    if (command !== undefined) run(command)
  })

  return {
    register(handle: DevtoolsHandle): () => void {
      checkHandle(handle)
      // The same handle registered again replaces its earlier registration.
      for (const previous of sessions.values()) {
        if (previous.handle === handle) forget(previous)
      }
      const entry: Registered = {
        handle,
        key: `r${++registrations}`,
        unsubscribe: undefined,
        pending: [],
        dropped: 0,
      }
      sessions.set(entry.key, entry)
      // Tells the relay a session is here, so that it connects (it stays idle on other pages).
      target.postMessage({ source: BRIDGE.HOOK_SOURCE, hello: true }, '*')
      if (started) {
        subscribe(entry)
        postSession(entry)
      }
      let registered = true
      return () => {
        if (!registered) return
        registered = false
        if (sessions.get(entry.key) === entry) forget(entry)
      }
    },
  }
}

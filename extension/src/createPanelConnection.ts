import type { DevtoolsHandle } from 'aws-client-cache'
import { createReconnectingPort, type ReconnectingPort } from './createReconnectingPort.js'
import { createRemoteHandle, type RemoteHandle } from './createRemoteHandle.js'
import type { FrameInfo } from './FrameInfo.js'
import type { HookMessage } from './HookMessage.js'
import { isRecord } from './isRecord.js'
import type { PanelMessage } from './PanelMessage.js'
import type { PanelRequest } from './PanelRequest.js'
import type { PortLike } from './PortLike.js'
import type { Timers } from './WindowLike.js'

/** A session of the inspected tab, as the panel lists it (the shape `HandlePanel` takes). */
export interface RemoteTarget {
  /** Unique across frames and reloads: the frame's key and the session's registration key. */
  readonly key: string
  /**
   * Origin, frame and session id, for the session picker; with the registration key too when
   * another session of the frame has the same id (two copies of the library in one page).
   */
  readonly label: string
  readonly handle: DevtoolsHandle
  readonly frame: FrameInfo
}

export interface PanelConnection {
  /** The sessions of every frame, top frame first; a new array after each change. */
  targets(): readonly RemoteTarget[]
  /** `true` while the port to the service worker is open. */
  connected(): boolean
  /** Calls `onChange` when the targets or the connection change; returns the unsubscribe. */
  subscribe(onChange: () => void): () => void
  /** Whether the panel is visible: the tab's hooks send only while some panel is. */
  setShown(shown: boolean): void
  close(): void
}

export interface PanelConnectionOptions {
  /** Opens the panel's port (`chrome.runtime.connect({ name: PANEL_PORT_PREFIX + tabId })`). */
  connect(): PortLike
  readonly timers?: Timers
  readonly now?: () => number
}

interface FrameState {
  readonly info: FrameInfo
  /** By registration key (see `HookMessage`). */
  readonly sessions: Map<string, RemoteHandle>
}

function frameLabel({ frameId }: FrameInfo): string {
  return frameId === 0 ? 'top frame' : `frame ${frameId}`
}

/**
 * The panel's view of its tab: which frames have sessions, a {@link RemoteHandle} per session,
 * fed from the service worker's port, which it reopens whenever it drops (resending whether the
 * panel is shown, which makes the hooks resync). A resynced session whose snapshot changed gets
 * a new handle, so that the panel re-reads it.
 *
 * @example
 * ```ts
 * const connection = createPanelConnection({
 *   connect: () => chrome.runtime.connect({ name: `${BRIDGE.PANEL_PORT_PREFIX}${tabId}` }),
 * })
 * connection.setShown(true)
 * connection.subscribe(() => render(connection.targets()))
 * ```
 */
export function createPanelConnection(options: PanelConnectionOptions): PanelConnection {
  const frames = new Map<string, FrameState>()
  const watchers = new Set<() => void>()
  let shown = false
  let isConnected = false
  let list: readonly RemoteTarget[] = []

  const changed = (): void => {
    const targets: RemoteTarget[] = []
    const ordered = [...frames.values()].sort((a, b) => a.info.frameId - b.info.frameId)
    for (const { info, sessions } of ordered) {
      const ids = new Map<string, number>()
      for (const handle of sessions.values()) ids.set(handle.id, (ids.get(handle.id) ?? 0) + 1)
      for (const [key, handle] of sessions) {
        const name = ids.get(handle.id)! > 1 ? `${handle.id} (${key})` : handle.id
        targets.push({
          key: `${info.key}/${key}`,
          label: `${info.origin} · ${frameLabel(info)} · ${name}`,
          handle,
          frame: info,
        })
      }
    }
    list = targets
    for (const watcher of [...watchers]) watcher()
  }

  // Set once the first connection is open: its onConnect runs before that.
  const link: { port?: ReconnectingPort } = {}
  const request = (message: PanelRequest): void => {
    link.port?.post(message)
  }

  const fromHook = (frame: FrameState, message: HookMessage): boolean => {
    const { sessions, info } = frame
    switch (message.type) {
      case 'sessions': {
        const keep = new Set(message.keys)
        let removed = false
        for (const key of sessions.keys()) {
          if (!keep.has(key)) removed = sessions.delete(key)
        }
        return removed
      }
      case 'session': {
        const held = sessions.get(message.key)
        if (
          held !== undefined &&
          held.version === message.version &&
          JSON.stringify(held.snapshot()) === JSON.stringify(message.snapshot)
        ) {
          return false
        }
        sessions.set(
          message.key,
          createRemoteHandle({
            key: message.key,
            id: message.snapshot.id,
            version: message.version,
            snapshot: message.snapshot,
            send: (action) => request({ type: 'action', frame: info.key, action }),
          }),
        )
        return true
      }
      case 'removed':
        return sessions.delete(message.key)
      case 'batch':
        for (const batch of message.sessions) {
          sessions.get(batch.key)?.receive(batch.snapshot, batch.events)
        }
        return false
    }
  }

  const onMessage = (value: unknown): void => {
    if (!isRecord(value)) return
    const message = value as PanelMessage
    switch (message.type) {
      case 'frames': {
        const keep = new Set(message.frames.map((frame) => frame.key))
        for (const key of frames.keys()) if (!keep.has(key)) frames.delete(key)
        for (const info of message.frames) {
          if (!frames.has(info.key)) frames.set(info.key, { info, sessions: new Map() })
        }
        changed()
        return
      }
      case 'frame':
        if (!frames.has(message.frame.key)) {
          frames.set(message.frame.key, { info: message.frame, sessions: new Map() })
        }
        return
      case 'frame-gone':
        if (frames.delete(message.key)) changed()
        return
      case 'hook': {
        const frame = frames.get(message.key)
        if (frame !== undefined && fromHook(frame, message.message)) changed()
        return
      }
    }
  }

  link.port = createReconnectingPort({
    connect: options.connect,
    onMessage,
    onConnect: () => {
      isConnected = true
      request({ type: 'shown', shown })
      changed()
    },
    onDisconnect: () => {
      isConnected = false
      changed()
    },
    ...(options.timers === undefined ? {} : { timers: options.timers }),
    ...(options.now === undefined ? {} : { now: options.now }),
  })
  // The first connection happened inside createReconnectingPort, before `port` was assigned.
  request({ type: 'shown', shown })

  return {
    targets: () => list,
    connected: () => isConnected,
    subscribe(onChange) {
      watchers.add(onChange)
      return () => {
        watchers.delete(onChange)
      }
    },
    setShown(next) {
      if (next === shown) return
      shown = next
      request({ type: 'shown', shown })
    },
    close() {
      link.port?.close()
    },
  }
}

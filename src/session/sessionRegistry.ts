import { registerWithDevtools, unregisterFromDevtools } from './devtoolsHook.js'
import type { Session } from './Session.js'

/**
 * Every live session of this realm, held weakly: a session nobody references is collected, and
 * its slot with it; a disposed one is removed at once. Oldest first (a `Set` keeps insertion
 * order).
 */
const live = new Set<WeakRef<Session>>()
const slots = new WeakMap<Session, WeakRef<Session>>()
const cleanup =
  typeof FinalizationRegistry === 'function'
    ? new FinalizationRegistry<WeakRef<Session>>((ref) => live.delete(ref))
    : undefined

/**
 * Adds a new session (and, in development builds, registers it with the browser DevTools
 * extension's hook when there is one). @internal
 */
export function registerSession(session: Session): void {
  registerWithDevtools(session)
  if (typeof WeakRef !== 'function') return
  const ref = new WeakRef(session)
  live.add(ref)
  slots.set(session, ref)
  cleanup?.register(session, ref, ref)
}

/** Removes a disposed session (from the extension's hook too). @internal */
export function unregisterSession(session: Session): void {
  unregisterFromDevtools(session)
  const ref = slots.get(session)
  if (ref === undefined) return
  slots.delete(session)
  live.delete(ref)
  cleanup?.unregister(ref)
}

/**
 * Every live session of this JS realm — created and neither disposed nor garbage-collected —
 * oldest first. The registry holds sessions weakly: it never keeps one alive. The devtools'
 * session picker reads it.
 *
 * @example
 * ```ts
 * import { listSessions, Session } from 'aws-client-cache'
 *
 * const session = new Session({ region: 'us-east-1' })
 * listSessions().includes(session) // true
 * await session.dispose()
 * listSessions().includes(session) // false
 * ```
 */
export function listSessions(): Session[] {
  const sessions: Session[] = []
  for (const ref of live) {
    const session = ref.deref()
    if (session === undefined) live.delete(ref)
    else sessions.push(session)
  }
  return sessions
}

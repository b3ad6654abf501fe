import { listSessions, type Session } from 'aws-client-cache'
import type { PickerOption } from './SessionPicker.js'

/** A session as the picker lists it. Holds no session: the picker must never keep one alive. */
export type SessionOption = PickerOption

const ids = new WeakMap<Session, string>()

/** The session's id (read once from a snapshot, then remembered). */
export function sessionId(session: Session): string {
  let id = ids.get(session)
  if (id === undefined) ids.set(session, (id = session.snapshot().id))
  return id
}

/** `session-2 · eu-west-1`, `session-3 · no region · profile dev`. */
export function sessionOption(session: Session): SessionOption {
  const profile = session.profileName
  return {
    id: sessionId(session),
    label:
      `${sessionId(session)} · ${session.regionName ?? 'no region'}` +
      (profile === undefined ? '' : ` · profile ${profile}`),
  }
}

/** Every live session (`listSessions()`, oldest first), as options. */
export function liveSessionOptions(): SessionOption[] {
  return listSessions().map(sessionOption)
}

/** The live session whose id is `id`, if any. */
export function findLiveSession(id: string): Session | undefined {
  return listSessions().find((session) => sessionId(session) === id)
}

export function sameOptions(a: readonly SessionOption[], b: readonly SessionOption[]): boolean {
  return a.length === b.length && a.every((o, i) => o.id === b[i]?.id && o.label === b[i]?.label)
}

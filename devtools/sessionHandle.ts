import { createDevtoolsHandle, type DevtoolsHandle, type Session } from 'aws-client-cache'

/** One handle per session, so the session's event log and snapshot store outlive a re-render. */
const handles = new WeakMap<Session, DevtoolsHandle>()

/** The handle the in-app panel reads `session` through (created on first use). */
export function handleOf(session: Session): DevtoolsHandle {
  let handle = handles.get(session)
  if (handle === undefined) handles.set(session, (handle = createDevtoolsHandle(session)))
  return handle
}

import { reportError } from '../reportError.js'
import { createDevtoolsHandle } from './createDevtoolsHandle.js'
import type { DevtoolsHook } from './DevtoolsHandle.js'
import type { Session } from './Session.js'

/**
 * The browser DevTools extension's side of a session, in development builds only.
 *
 * Both functions read `process.env.NODE_ENV` as written, so that bundlers replace it and fold the
 * check: a production bundle keeps an empty `try` and none of the code below (not even the hook's
 * name). The read is inside `try`: where there is neither `process` nor a bundler (a worker, an
 * edge runtime) nothing happens. Without a hook (no extension, a server) nothing is created,
 * queued or retained; a hook that throws is reported and the session goes on without it.
 */

/** What the hook's `register` gave back, per registered session; created on first use. */
let unregisters: WeakMap<Session, () => void> | undefined
/** Releases a session's handle when the session is collected without being disposed. */
let finalizer: FinalizationRegistry<() => void> | undefined

/** Registers the session with the extension's hook, if there is one. @internal */
export function registerWithDevtools(session: Session): void {
  try {
    if (process.env.NODE_ENV !== 'production') register(session)
  } catch {
    // No `process` and nothing replaced `process.env.NODE_ENV`: no devtools here.
  }
}

/** Unregisters a disposed session from the extension's hook, if it was registered. @internal */
export function unregisterFromDevtools(session: Session): void {
  try {
    if (process.env.NODE_ENV !== 'production') unregister(session)
  } catch {
    // As above.
  }
}

function register(session: Session): void {
  const hook = (globalThis as { [key: symbol]: Partial<DevtoolsHook> | null | undefined })[
    Symbol.for('aws-client-cache.devtools')
  ]
  if (typeof hook?.register !== 'function') return
  try {
    const release: unknown = hook.register(createDevtoolsHandle(session))
    if (typeof release === 'function') {
      ;(unregisters ??= new WeakMap()).set(session, release as () => void)
      if (typeof FinalizationRegistry === 'function') {
        finalizer ??= new FinalizationRegistry(callRelease)
        finalizer.register(session, release as () => void, release)
      }
    }
  } catch (error) {
    reportError(error, 'the devtools hook')
  }
}

function unregister(session: Session): void {
  const release = unregisters?.get(session)
  if (release === undefined) return
  unregisters?.delete(session)
  finalizer?.unregister(release)
  callRelease(release)
}

function callRelease(release: () => void): void {
  try {
    release()
  } catch (error) {
    reportError(error, 'the devtools hook')
  }
}

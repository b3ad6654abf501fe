import { useEffect, useState } from 'react'
import { reportError } from '../reportError.js'
import { Session } from '../session/Session.js'
import type { SessionConfig } from '../session/SessionConfig.js'

/**
 * A session a component owns: created from `config` on mount, disposed after unmount.
 *
 * Disposal waits one microtask and is called off when the same component mounts again first. React
 * StrictMode's development check unmounts and remounts effects synchronously, so it keeps the
 * session it rendered with: no session is leaked, none handed out disposed. Where the effects were
 * torn down for longer (a real unmount, or an `<Activity>` hidden and shown again) the session is
 * disposed, and a component shown again gets a new session on its next render.
 */
class OwnedSession {
  readonly session: Session
  #disposing = false
  disposed = false

  constructor(config: SessionConfig) {
    this.session = new Session(config)
  }

  /** The component's effects are mounted (again): keep the session. */
  keep(): void {
    this.#disposing = false
  }

  /** The component's effects were torn down: dispose unless they mount again first. */
  release(): void {
    this.#disposing = true
    queueMicrotask(() => {
      if (!this.#disposing || this.disposed) return
      this.disposed = true
      this.session.dispose().catch((error: unknown) => reportError(error, 'session.dispose()'))
    })
  }
}

/**
 * The session created from `config` once per mount of the calling component (see
 * {@link OwnedSession}), or `undefined` when `config` is `undefined`. Later changes to `config` are
 * ignored: give the component a new `key` to start over with a new config.
 */
export function useOwnedSession(config: SessionConfig | undefined): Session | undefined {
  const [owned, setOwned] = useState(() =>
    config === undefined ? undefined : new OwnedSession(config),
  )
  useEffect(() => {
    if (owned === undefined) return undefined
    if (owned.disposed) {
      // Shown again after a real teardown: render with a new session.
      setOwned(config === undefined ? undefined : new OwnedSession(config))
      return undefined
    }
    owned.keep()
    return () => owned.release()
    // The session is created once per mount; a new config object on each render changes nothing.
  }, [owned])
  return owned?.session
}

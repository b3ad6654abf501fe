import { useCallback, useState } from 'react'
import { describeError } from '../../aws.js'

/** What {@link useAction} returns: the action running, its outcome, and the way to run one. */
export interface Action {
  /** The name of the action running, or `null` when none is. */
  busy: string | null
  /** The last action's error, as the user should read it, or `null`. */
  error: string | null
  setError: (error: string | null) => void
  /** The last message an action resolved ("Uploaded …"), or `null`. */
  status: string | null
  setStatus: (status: string | null) => void
  /**
   * Runs `action` under `name`: `busy` is `name` until it settles, the message it resolves (if
   * any) becomes `status`, an error it throws becomes `error`. The same function on every render.
   */
  run: (name: string, action: () => Promise<string | void>) => Promise<void>
}

/**
 * A panel's user actions, one at a time: buttons stay disabled while `busy` is not `null`, and
 * errors are shown in the panel rather than thrown. `initialBusy` names an action the panel starts
 * right away (a first listing, say), so its first render already shows it running.
 */
export function useAction(initialBusy: string | null = null): Action {
  const [busy, setBusy] = useState<string | null>(initialBusy)
  const [error, setError] = useState<string | null>(null)
  const [status, setStatus] = useState<string | null>(null)

  const run = useCallback(async (name: string, action: () => Promise<string | void>) => {
    setBusy(name)
    setError(null)
    try {
      const message = await action()
      if (message) setStatus(message)
    } catch (err) {
      setError(describeError(err))
    } finally {
      setBusy(null)
    }
  }, [])

  return { busy, error, setError, status, setStatus, run }
}

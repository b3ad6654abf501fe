import type { AbortSignalLike } from './AbortSignalLike.js'

/**
 * `work`, or a rejection as soon as `signal` aborts: an aborted request ends at once even when it
 * is stuck before the HTTP handler (a credential provider that hangs), where the SDK would not
 * look at the signal.
 * @internal
 */
/* eslint-disable @typescript-eslint/prefer-promise-reject-errors -- an abort rejects with
   `signal.reason` and a failure with the SDK's own error, whatever their types */
export function raceAbort<T>(work: Promise<T>, signal: AbortSignalLike | undefined): Promise<T> {
  if (signal === undefined || typeof signal.addEventListener !== 'function') return work
  const aborted = (): unknown =>
    signal.reason ?? Object.assign(new Error('Request aborted'), { name: 'AbortError' })
  if (signal.aborted) {
    work.catch(noop)
    return Promise.reject(aborted())
  }
  return new Promise<T>((resolve, reject) => {
    const onAbort = (): void => {
      work.catch(noop)
      reject(aborted())
    }
    signal.addEventListener?.('abort', onAbort, { once: true })
    work.then(
      (value) => {
        signal.removeEventListener?.('abort', onAbort)
        resolve(value)
      },
      (error: unknown) => {
        signal.removeEventListener?.('abort', onAbort)
        reject(error)
      },
    )
  })
}
/* eslint-enable @typescript-eslint/prefer-promise-reject-errors */

function noop(): void {}
